// Every other test class is a collection of its own on the one shared CRM (IClassFixture<CrmFixture>). They mostly
// wait on the services (HTTP, events crossing the broker), so more of them run at once than this machine has cores.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
