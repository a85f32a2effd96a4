using Crm.Activities.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Shouldly;
using Case = Crm.Activities.Model.Case;

namespace Crm.UnitTests.Activities;

public sealed class CaseTests
{
    private static readonly DateTime Now = new(2031, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid User = Guid.NewGuid();

    private static CaseFields NewCase(CaseStatus status = CaseStatus.New) => new()
    {
        Subject = "Contact form broken",
        Status = status,
        Priority = CasePriority.High,
        AccountId = Guid.NewGuid(),
        OwnerId = User,
    };

    [Fact]
    public void A_case_needs_subject_status_priority_account_and_owner()
    {
        var errors = new ValidationErrors();
        Case.Validate(errors, new CaseFields { Subject = new string('x', 256), Priority = (CasePriority)9 });

        var map = errors.ToDictionary();
        map["subject"].ShouldBe(["Subject must be at most 255 characters."]);
        map["status"].ShouldBe(["Status is required."]);
        map["priority"].ShouldBe(["Priority must be one of: High, Medium, Low."]);
        map["account_id"].ShouldBe(["Account is required."]);
        map["owner_id"].ShouldBe(["Case Owner is required."]);

        var valid = new ValidationErrors();
        Case.Validate(valid, NewCase());
        valid.HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void The_case_number_is_eight_digits_from_the_sequence()
    {
        Case.FormatNumber(Case.FirstNumber).ShouldBe("00001001");
        Case.Open(NewCase(), 1234, User, Now).CaseNumber.ShouldBe("00001234");
    }

    [Fact]
    public void Closing_stamps_closed_at_once_and_reopening_clears_it()
    {
        var opened = Case.Open(NewCase(), 1001, User, Now);
        opened.ClosedAt.ShouldBeNull();

        opened.Apply(opened.ToFields() with { Status = CaseStatus.Closed }, User, Now.AddHours(1));
        opened.ClosedAt.ShouldBe(Now.AddHours(1));

        opened.Apply(opened.ToFields() with { Description = "Fixed by a deploy" }, User, Now.AddHours(2));
        opened.ClosedAt.ShouldBe(Now.AddHours(1));

        opened.Apply(opened.ToFields() with { Status = CaseStatus.InProgress }, User, Now.AddHours(3));
        opened.ClosedAt.ShouldBeNull();
        opened.Version.ShouldBe(4);

        Case.Open(NewCase(CaseStatus.Closed), 1002, User, Now).ClosedAt.ShouldBe(Now);
    }

    [Fact]
    public void A_case_is_in_the_record_directory_by_subject_with_its_number()
    {
        var opened = Case.Open(NewCase() with { ContactId = Guid.NewGuid() }, 1001, User, Now);

        opened.ToDirectoryEntry().ShouldBe(new DirectoryEntry(RecordTypes.Case, opened.Id, "Contact form broken", opened.AccountId, User, true, 1, "00001001"));
    }
}
