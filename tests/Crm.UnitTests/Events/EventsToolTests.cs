using Crm.Events;
using Shouldly;

namespace Crm.UnitTests.Events;

public sealed class EventsToolTests
{
    [Theory]
    [InlineData("billing-account-directory_error", "rabbitmq://127.0.0.1:5673/billing-account-directory", "billing-account-directory")]
    [InlineData("billing-account-directory_error", "rabbitmq://127.0.0.1:5673/billing-account-directory?temporary=false", "billing-account-directory")]
    [InlineData("billing-account-directory_error", "rabbitmq://127.0.0.1:5673/crm/billing-account-directory", "billing-account-directory")]
    [InlineData("activities-user-directory_error", null, "activities-user-directory")]
    [InlineData("activities-user-directory_error", "not a uri", "activities-user-directory")]
    public void A_message_goes_back_to_the_queue_it_failed_on(string errorQueue, string? inputAddress, string expected) =>
        ErrorQueues.InputQueueOf(errorQueue, inputAddress).ShouldBe(expected);

    [Fact]
    public void Options_default_to_the_data_dir_and_admin_of_crm_run()
    {
        var env = new Dictionary<string, string?> { ["CRM_DATA_DIR"] = "data", ["CRM_ADMIN_PASSWORD"] = "secret" };

        var list = EventsOptions.Parse([], n => env.GetValueOrDefault(n), "/repo");
        list.Command.ShouldBe(EventsCommand.List);
        list.DataDir.ShouldBe("/repo/data");
        list.Email.ShouldBe("admin@crm.local");
        list.Password.ShouldBe("secret");

        var redrive = EventsOptions.Parse(["redrive", "--queue", "billing-won-deal_error"], _ => null, "/repo");
        redrive.Command.ShouldBe(EventsCommand.Redrive);
        redrive.Queue.ShouldBe("billing-won-deal_error");
        redrive.DataDir.ShouldBe("/repo/.crm");
        redrive.AdminPasswordFile.ShouldBe("/repo/.crm/secrets/admin-password");

        EventsOptions.Parse(["reconcile", "--email", "ops@crm.local"], _ => null, "/repo").Email.ShouldBe("ops@crm.local");
    }

    [Theory]
    [InlineData("drain")]
    [InlineData("list", "--queue", "x")]
    [InlineData("redrive", "--queue")]
    [InlineData("--data-dir", "x", "redrive")]
    public void Unknown_or_misplaced_arguments_are_refused(params string[] args) =>
        Should.Throw<FormatException>(() => EventsOptions.Parse(args, _ => null, "/repo"));
}
