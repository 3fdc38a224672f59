using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Platform.History;
using KhuyenCong.TestSupport;
using KhuyenCong.Training.Consumers;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Training.Tests;

/// <summary>Approved proposals and registry changes arrive through the real broker.</summary>
[Collection(ServersCollection.Name)]
public sealed class ProposalApprovedConsumerTests(PostgresServer postgres, RabbitMqServer rabbit) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TrainingApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new TrainingApp(postgres, rabbit);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IBus Bus => _app.Services.GetRequiredService<IBus>();

    private static ProposalApproved Approval(ContentGroup group, Guid? proposalId = null) => new()
    {
        ProposalId = proposalId ?? Guid.NewGuid(),
        Proposal = new ProposalProfile
        {
            Code = "KCĐP-2024-007",
            Title = "Đào tạo nghề chế biến hải sản",
            FundingSource = FundingSource.Local,
            PlanYear = 2024,
            ContentGroup = group,
            ImplementingUnit = "Trung tâm Xúc tiến và Phát triển công thương",
            EstablishmentTaxCodes = ["5700100256"],
            Sector = Sector.Other,
            AdministrativeUnitCode = "van-don",
            District = "Vân Đồn",
            Location = "Xã Hạ Long, Vân Đồn",
            IsPriorityArea = true,
            TotalBudget = 200_000_000,
            StateSupport = 150_000_000,
            OwnCapital = 50_000_000,
            OtherSources = 0,
            ExpectedJobs = 30,
            ExpectedAverageWage = 6_000_000,
        },
        ApprovedSupport = 120_000_000,
        DecisionNumber = "45/QĐ-SCT",
        DecisionDate = new DateOnly(2024, 3, 1),
        AppraisalScore = 85m,
        ApprovedAt = DateTimeOffset.UtcNow,
    };

    private Task<bool> Consumed(int count) => Eventually.TrueWithin(Patience, () =>
        _app.WithDbAsync(db => db.InboxMessages.CountAsync(m => m.Consumer == nameof(ProposalApprovedConsumer))).ContinueWith(t => t.Result == count));

    [Fact]
    public async Task A_repeated_approval_of_a_training_proposal_creates_one_planned_course()
    {
        var approval = Approval(ContentGroup.VocationalTraining);
        var messageId = Guid.NewGuid();
        await Bus.Publish(approval, context => context.MessageId = messageId);
        await Bus.Publish(approval, context => context.MessageId = messageId);
        await Bus.Publish(approval);

        Assert.True(await Consumed(2), "the approval under a second message id was not consumed");
        var courses = await _app.WithDbAsync(db => db.Courses.ToListAsync());
        var course = Assert.Single(courses);
        Assert.Equal(approval.ProposalId, course.FundingProposalId);
        Assert.Equal("KCĐP-2024-007", course.FundingProposalCode);
        Assert.Equal("Đào tạo nghề chế biến hải sản", course.Title);
        Assert.Equal(120_000_000, course.Budget);
        Assert.Equal(("van-don", "Xã Hạ Long, Vân Đồn", "Vân Đồn"), (course.Location.AdministrativeUnitCode, course.Location.Name, course.Location.District));
        Assert.Equal(Domain.CourseStatus.Planned, course.Status);
        Assert.Equal(1, course.ContentGroup);
    }

    [Fact]
    public async Task The_course_s_first_history_entry_names_the_officer_who_approved_the_proposal_once()
    {
        var approval = Approval(ContentGroup.VocationalTraining) with { ActedBy = "officer-lan", ActedByName = "Nguyễn Thị Lan" };
        await Bus.Publish(approval);
        await Bus.Publish(approval);

        Assert.True(await Consumed(2), "the approvals were not consumed");
        var entry = Assert.Single(await _app.WithDbAsync(db => db.Set<HistoryEntry>().ToListAsync()));
        Assert.Equal(("course-created-from-proposal", "officer-lan", "Nguyễn Thị Lan"), (entry.Kind, entry.ActedBy, entry.ActedByName));
        Assert.Equal(("KCĐP-2024-007", "45/QĐ-SCT", 120_000_000L, new DateOnly(2024, 3, 1)),
            (entry.Subject, entry.Document, entry.Amount, entry.OccurredOn));
    }

    [Fact]
    public async Task An_approval_sent_before_the_approver_s_name_travelled_names_the_proposal_as_the_actor()
    {
        await Bus.Publish(Approval(ContentGroup.VocationalTraining) with { ActedBy = "officer-lan" });

        Assert.True(await Consumed(1), "the approval was not consumed");
        var entry = Assert.Single(await _app.WithDbAsync(db => db.Set<HistoryEntry>().ToListAsync()));
        Assert.Equal(("proposals", "Tự động từ đề án KCĐP-2024-007"), (entry.ActedBy, entry.ActedByName));
    }

    [Fact]
    public async Task A_history_row_written_with_the_service_as_actor_reads_as_the_proposal_in_the_readers_language()
    {
        await Bus.Publish(Approval(ContentGroup.VocationalTraining));
        Assert.True(await Consumed(1), "the approval was not consumed");
        // The row as the first history kept it: the service's name as actor, no display name.
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE history_entries SET acted_by = 'proposals', acted_by_name = NULL WHERE kind = 'course-created-from-proposal'"));
        var course = await _app.WithDbAsync(db => db.Courses.Select(c => c.Id).SingleAsync());

        async Task<string?> ActorAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/training/courses/{course}/history");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var answer = await _app.ClientAs(TestUser.Officer).SendAsync(request);
            var entries = await answer.Content.ReadFromJsonAsync<JsonElement>();
            return entries.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "course-created-from-proposal")
                .GetProperty("actedByName").GetString();
        }

        Assert.Equal("Tự động từ đề án KCĐP-2024-007", await ActorAsync("vi-VN"));
        Assert.Equal("Automatically from proposal KCĐP-2024-007", await ActorAsync("en"));
    }

    [Fact]
    public async Task An_approver_named_without_an_id_stays_the_actor_of_the_course_s_history()
    {
        await Bus.Publish(Approval(ContentGroup.VocationalTraining) with { ActedByName = "Nguyễn Thị Lan" });
        Assert.True(await Consumed(1), "the approval was not consumed");
        var course = await _app.WithDbAsync(db => db.Courses.Select(c => c.Id).SingleAsync());

        var entries = await _app.ClientAs(TestUser.Officer).GetFromJsonAsync<JsonElement>($"/api/training/courses/{course}/history");

        Assert.Equal("Nguyễn Thị Lan", entries.EnumerateArray().Single().GetProperty("actedByName").GetString());
    }

    [Fact]
    public async Task Only_proposals_of_content_groups_1_and_2_create_courses()
    {
        await Bus.Publish(Approval(ContentGroup.TechnicalDemonstration));
        await Bus.Publish(Approval(ContentGroup.TypicalProducts));
        await Bus.Publish(Approval(ContentGroup.CapacityBuilding));

        Assert.True(await Consumed(3));
        var course = Assert.Single(await _app.WithDbAsync(db => db.Courses.ToListAsync()));
        Assert.Equal(2, course.ContentGroup);
        Assert.Equal(Domain.CourseType.ManagementCourse, course.Type);
    }

    [Fact]
    public async Task The_local_copy_of_establishments_follows_the_registry()
    {
        var id = Guid.NewGuid();
        EstablishmentSnapshot Snapshot(int revision, string name) => new EstablishmentUpdated
        {
            EstablishmentId = id, Revision = revision, TaxCode = "5700999999", Name = name, Type = EstablishmentType.HouseholdBusiness,
            Sector = Sector.Other, AdministrativeUnitCode = "hai-ha", AdministrativeUnitName = "Hải Hà", District = "Hải Hà",
            IsPriorityArea = false, Address = "Hải Hà", Representative = "Bà B", Employees = 3, OccurredAt = DateTimeOffset.UtcNow,
        };
        await Bus.Publish(new EstablishmentRegistered
        {
            EstablishmentId = id, Revision = 1, TaxCode = "5700999999", Name = "Hộ chè Hải Hà", Type = EstablishmentType.HouseholdBusiness,
            Sector = Sector.Other, AdministrativeUnitCode = "hai-ha", AdministrativeUnitName = "Hải Hà", District = "Hải Hà",
            IsPriorityArea = false, Address = "Hải Hà", Representative = "Bà B", Employees = 3, OccurredAt = DateTimeOffset.UtcNow,
        });
        await Bus.Publish((EstablishmentUpdated)Snapshot(2, "HTX chè Hải Hà"));

        Assert.True(await Eventually.TrueWithin(Patience, () =>
            _app.WithDbAsync(db => db.Establishments.AnyAsync(e => e.EstablishmentId == id && e.Name == "HTX chè Hải Hà"))));
    }

    [Fact]
    public async Task Revisions_of_an_establishment_consumed_at_once_leave_the_copy_at_the_latest()
    {
        var id = Guid.NewGuid();
        EstablishmentUpdated Revision(int revision) => new()
        {
            EstablishmentId = id, Revision = revision, TaxCode = "5700999998", Name = $"HTX chè Đầm Hà – lần {revision}", Type = EstablishmentType.Cooperative,
            Sector = Sector.Other, AdministrativeUnitCode = "dam-ha", AdministrativeUnitName = "Đầm Hà", District = "Đầm Hà",
            IsPriorityArea = false, Address = "Đầm Hà", Representative = "Ông C", Employees = 7, OccurredAt = DateTimeOffset.UtcNow,
        };
        const int revisions = 40;
        await Bus.Publish(Revision(1));
        Assert.True(await Eventually.TrueWithin(Patience, () => _app.WithDbAsync(db => db.Establishments.AnyAsync(e => e.EstablishmentId == id))));
        // Then every later revision at once, newest first, twice over: the consumers take several together, each reading
        // the copy at revision 1, and an older revision never overwrites a newer one that committed while it worked.
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(Enumerable.Range(2, revisions - 1).Reverse().Select(r => Bus.Publish(Revision(r))));
        }

        Assert.True(await Eventually.TrueWithin(Patience, () => _app.WithDbAsync(db =>
            db.InboxMessages.CountAsync(m => m.Consumer == "EstablishmentUpdatedConsumer")).ContinueWith(t => t.Result == 1 + 2 * (revisions - 1))),
            "the revisions were not all consumed");
        var copy = await _app.WithDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.EstablishmentId == id));
        Assert.Equal((revisions, $"HTX chè Đầm Hà – lần {revisions}"), (copy.Revision, copy.Name));
    }
}
