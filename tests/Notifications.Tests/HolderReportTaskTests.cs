using KhuyenCong.Contracts.Products;
using KhuyenCong.Notifications.Domain;
using KhuyenCong.Notifications.Mail;
using KhuyenCong.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Notifications.Tests;

/// <summary>
/// The yearly report of a certificate's holder (Circular 26/2014/TT-BCT, Art. 22.2): one task per certificate and year, the
/// holder's and its district officer's from the start of the following year, the Centre's once overdue; the filing closes
/// both, a revocation the years from it on; redelivered and reordered events end the same. The service's day is 15 June 2026.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class HolderReportTaskTests(PostgresServer postgres, RabbitMqServer rabbit) : ReminderApp(postgres, rabbit)
{
    private const string Number = "SPTB-T-2025-001";

    /// <summary>Issued to A on 1 March 2025, valid to the end of 2027: reports on 2025, 2026 and 2027, each due by 31 January of the next year.</summary>
    private static ProductRecognized IssuedToA(Guid id, bool withDueDates = true) => Events.Recognized(id, Number, TaxCodeA, new DateOnly(2027, 12, 31)) with
    {
        IssuedOn = new DateOnly(2025, 3, 1),
        HolderReports = [.. new[] { 2025, 2026, 2027 }.Select(year => new HolderReportPeriod
        {
            Year = year, DueOn = withDueDates ? new DateOnly(year + 1, 1, 31) : null,
        })],
    };

    private static HolderReportFiled Filed(Guid id, int year) => new()
    {
        CertificateId = id, CertificateNumber = Number, EstablishmentTaxCode = TaxCodeA, Year = year, ReportedOn = new DateOnly(2026, 6, 14),
        Revenue = 1_200_000_000, Employees = 25,
    };

    private static CertificateRevoked RevokedOn(Guid id, DateOnly on) => Events.Revoked(id, Number, TaxCodeA) with { RevokedOn = on };

    private async Task<List<TaskItemView>> SeenByAsync(TestUser user) =>
        [.. (await InboxAsync(ClientAs(user))).Items.Where(t => t.Kind is TaskKind.HolderReportDue or TaskKind.HolderReportOverdue)
            .Select(t => new TaskItemView(t.Kind, t.RecordId, t.RecordCode, t.DueOn, t.IsOverdue, t.Link))];

    private sealed record TaskItemView(TaskKind Kind, Guid RecordId, string RecordCode, DateOnly? DueOn, bool IsOverdue, string Link);

    [Fact]
    public async Task The_report_on_a_year_is_the_holder_s_from_the_next_year_the_Centre_s_once_overdue_and_the_filing_closes_both()
    {
        await KnowEstablishmentAsync(TaxCodeA, "ha-long");
        var id = Guid.NewGuid();
        using var duplicates = new Duplicates();
        var messageId = Guid.NewGuid();
        await PublishAsync(IssuedToA(id), messageId);
        await ConsumedAsync("HolderReportsOfCertificateConsumer", 1);
        await PublishAsync(IssuedToA(id), messageId);
        Assert.True(await Eventually.TrueWithin(TimeSpan.FromSeconds(30), () => Task.FromResult(duplicates.Of("HolderReportsOfCertificateConsumer") >= 1)));

        var year2025 = DerivedRecordId.OfYear(id, 2025);
        // The years 2026 and 2027 are kept but not listed before they are over.
        Assert.Equal(3, await WithDbAsync(db => db.Tasks.CountAsync(t => t.Kind == TaskKind.HolderReportDue && t.ParentRecordId == id && t.ClosedAt == null)));
        var due = new TaskItemView(TaskKind.HolderReportDue, year2025, $"{Number} – năm 2025", new DateOnly(2026, 1, 31), true, "/products/certificates/reports");
        Assert.Equal([due], await SeenByAsync(OwnerA));
        Assert.Equal([due], await SeenByAsync(HaLong));
        Assert.Empty(await SeenByAsync(OwnerB));
        Assert.Empty(await SeenByAsync(TestUser.DistrictOfficer("tien-yen")));
        Assert.Equal([due with { Kind = TaskKind.HolderReportOverdue }], await SeenByAsync(Officer));
        Assert.Empty(await SeenByAsync(TestUser.Leader));

        await PublishAsync(Filed(id, 2025));
        await ConsumedAsync("HolderReportFiledConsumer", 1);
        Assert.Empty(await SeenByAsync(OwnerA));
        Assert.Empty(await SeenByAsync(Officer));

        // From 2027 the report on 2026 is listed, not yet overdue.
        Clock.SetToday(new DateOnly(2027, 1, 10));
        Assert.Equal([(TaskKind.HolderReportDue, DerivedRecordId.OfYear(id, 2026), false)],
            (await SeenByAsync(OwnerA)).Select(t => (t.Kind, t.RecordId, t.IsOverdue)));
        Assert.Empty(await SeenByAsync(Officer));
    }

    [Fact]
    public async Task A_filing_or_a_revocation_consumed_before_the_certificate_leaves_those_years_closed_and_the_earlier_years_owed()
    {
        var (filedFirst, revokedFirst) = (Guid.NewGuid(), Guid.NewGuid());
        await PublishAsync(Filed(filedFirst, 2025));
        await ConsumedAsync("HolderReportFiledConsumer", 1);
        await PublishAsync(RevokedOn(revokedFirst, new DateOnly(2026, 6, 14)));
        await ConsumedAsync("CertificateRevokedHolderReportsConsumer", 1);
        await PublishAsync(IssuedToA(filedFirst));
        await PublishAsync(IssuedToA(revokedFirst));
        await ConsumedAsync("HolderReportsOfCertificateConsumer", 2);

        // The report on 2025 of the revoked certificate is still owed; the certificate whose 2025 report came first owes the later years.
        Assert.Equal([2025], await OpenYearsAsync(revokedFirst));
        Assert.Equal([2026, 2027], await OpenYearsAsync(filedFirst));
        Assert.False(Assert.Single(await TasksOfAsync(TaskKind.HolderReportOverdue, DerivedRecordId.OfYear(filedFirst, 2025))).IsOpen);
        Assert.Equal([DerivedRecordId.OfYear(revokedFirst, 2025)], (await InboxAsync(ClientAs(OwnerA), TaskKind.HolderReportDue)).Items.Select(t => t.RecordId));

        // A revocation after the certificate closes its years from the revocation on.
        var revokedLater = Guid.NewGuid();
        await PublishAsync(IssuedToA(revokedLater));
        await ConsumedAsync("HolderReportsOfCertificateConsumer", 3);
        await PublishAsync(RevokedOn(revokedLater, new DateOnly(2026, 6, 14)));
        await ConsumedAsync("CertificateRevokedHolderReportsConsumer", 2);
        Assert.Equal([2025], await OpenYearsAsync(revokedLater));
    }

    [Fact]
    public async Task Without_a_due_day_set_the_report_is_owed_without_a_date_and_the_Centre_gets_no_overdue_task()
    {
        var id = Guid.NewGuid();
        await PublishAsync(IssuedToA(id, withDueDates: false));
        await ConsumedAsync("HolderReportsOfCertificateConsumer", 1);

        var owed = Assert.Single((await InboxAsync(ClientAs(OwnerA), TaskKind.HolderReportDue)).Items);
        Assert.Equal((DerivedRecordId.OfYear(id, 2025), (DateOnly?)null, false), (owed.RecordId, owed.DueOn, owed.IsOverdue));
        Assert.Empty(await TasksOfAsync(TaskKind.HolderReportOverdue, DerivedRecordId.OfYear(id, 2025)));
        Assert.Empty((await InboxAsync(Client)).Items);
    }

    [Fact]
    public async Task The_holder_and_its_district_officer_are_reminded_before_and_on_the_due_day_the_officer_once_it_is_a_week_late_in_Vietnamese()
    {
        await KnowPeopleAsync();
        var id = Guid.NewGuid();
        await PublishAsync(IssuedToA(id));
        await ConsumedAsync("HolderReportsOfCertificateConsumer", 1);
        var year2026 = DerivedRecordId.OfYear(id, 2026);

        await RunJobAsync(new DateOnly(2027, 1, 24));
        await RunJobAsync(new DateOnly(2027, 1, 31));
        await RunJobAsync(new DateOnly(2027, 2, 7));
        Assert.Equal([(HaLong.Name, -7), (OwnerA.Name, -7), (HaLong.Name, 0), (OwnerA.Name, 0), (HaLong.Name, 7), (OwnerA.Name, 7), (Officer.Name, 7)],
            await RemindersOfAsync(year2026));

        var task = Assert.Single(await TasksOfAsync(TaskKind.HolderReportDue, year2026));
        var holder = await WithDbAsync(db => db.Recipients.AsNoTracking().SingleAsync(r => r.UserId == OwnerA.Name));
        var mail = Services.GetRequiredService<MailTemplates>().Reminder(task, holder, new DateOnly(2027, 1, 31), -7);
        Assert.Equal($"[Khuyến công] Còn 7 ngày: Báo cáo hằng năm về sản phẩm được chứng nhận {Number} – năm 2026 – hạn 31/01/2027", mail.Subject);
        Assert.Contains($"Hồ sơ: {Number} – năm 2026 – Chè Đường Hoa", mail.Body);
        Assert.Contains($"Mở hồ sơ: {WebBase}products/certificates/reports", mail.Body);
    }

    private async Task<List<int>> OpenYearsAsync(Guid certificate)
    {
        var open = await WithDbAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.Kind == TaskKind.HolderReportDue && t.ParentRecordId == certificate && t.ClosedAt == null).Select(t => t.RecordId).ToListAsync());
        return [.. new[] { 2025, 2026, 2027 }.Where(year => open.Contains(DerivedRecordId.OfYear(certificate, year)))];
    }
}
