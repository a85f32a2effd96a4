// One collection shares the running CRM, another starts CRMs of its own: side by side they would fight over
// this machine's cores and make timing-sensitive tests flaky, so collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
