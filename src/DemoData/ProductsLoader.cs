using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.DemoData;

/// <summary>
/// The competitions of <see cref="ProductsPlan"/>, each found by its year, level and title and taken on
/// from the state it is in; an entry is found by its establishment and product name. The councils' seats are
/// the <paramref name="jury"/>'s accounts, and each juror scores their own seat with their own token.
/// </summary>
public sealed class ProductsLoader(GatewayClient gateway, IReadOnlyList<DemoMember> jury, ILogger logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var competition in ProductsPlan.Competitions)
        {
            await TakeAsync(competition, cancellationToken);
            logger.LogInformation("Products: {Title} loaded", competition.Title);
        }
        logger.LogInformation("Products: {Count} competitions loaded with {Entries} entries", ProductsPlan.Competitions.Count,
            ProductsPlan.Competitions.Sum(c => c.Entries.Count));
    }

    private async Task TakeAsync(DemoCompetition plan, CancellationToken cancellationToken)
    {
        var competition = await FindAsync(plan, cancellationToken) ?? await gateway.PostAsync("/api/products/competitions", new
        {
            title = plan.Title, level = plan.Level, year = plan.Year, region = plan.Region, district = plan.District,
            registrationOpensOn = plan.OpensOn, registrationClosesOn = plan.ClosesOn,
            scheduleDecisionNumber = plan.ScheduleDecision?.Number, scheduleDecisionDate = plan.ScheduleDecision?.Date,
        }, cancellationToken, HttpStatusCode.Created);
        var id = competition.GetProperty("id").GetString()!;
        var path = $"/api/products/competitions/{id}";
        while (true)
        {
            var status = competition.GetProperty("status").GetString();
            if (status is "Draft" or "Open" && competition.GetProperty("council").GetArrayLength() == 0)
            {
                competition = await gateway.PutAsync($"{path}/council", new
                {
                    members = plan.Council.Select(m => new { userId = JurorNamed(m.UserName).UserId, position = m.Position, chair = m.Chair }).ToList(),
                }, cancellationToken);
            }
            switch (status)
            {
                case "Draft":
                    competition = await gateway.PostAsync($"{path}/open", null, cancellationToken);
                    break;
                case "Open":
                    await EnterAsync(path, plan, cancellationToken);
                    competition = await gateway.PostAsync($"{path}/start-scoring", null, cancellationToken);
                    break;
                case "Scoring":
                    await ScoreAsync(path, plan, competition, cancellationToken);
                    var results = await gateway.GetAsync($"{path}/results", cancellationToken);
                    await gateway.PostAsync($"{path}/publish-results", new
                    {
                        publishedOn = plan.ResultsOn, decisionNumber = plan.DecisionNumber,
                        recognisedEntryIds = results.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("passes").GetBoolean())
                            .Select(r => r.GetProperty("entryId").GetString()).ToList(),
                    }, cancellationToken);
                    competition = await gateway.GetAsync(path, cancellationToken);
                    break;
                case "ResultsPublished":
                    await ComplaintAsync(path, plan, cancellationToken);
                    competition = (await gateway.PostAsync($"{path}/close", new { issuedOn = plan.IssuedOn }, cancellationToken)).GetProperty("competition");
                    break;
                case "Closed":
                    await RevokeAsync(path, plan, cancellationToken);
                    return;
                default:
                    return;
            }
        }
    }

    private async Task<JsonElement?> FindAsync(DemoCompetition plan, CancellationToken cancellationToken)
    {
        var page = await gateway.GetAsync($"/api/products/competitions?year={plan.Year}&level={plan.Level}&pageSize=200", cancellationToken);
        foreach (var item in page.GetProperty("items").EnumerateArray().Where(c => c.GetProperty("title").GetString() == plan.Title))
        {
            return await gateway.GetAsync($"/api/products/competitions/{item.GetProperty("id").GetString()}", cancellationToken);
        }
        return null;
    }

    /// <summary>Registers each entry not registered yet, completes its dossier to three photos and submits it.</summary>
    private async Task EnterAsync(string path, DemoCompetition plan, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(path, plan, cancellationToken);
        for (var i = 0; i < plan.Entries.Count; i++)
        {
            var planned = plan.Entries[i];
            var entry = entries[i] ?? await gateway.PostAsync($"{path}/entries", new
            {
                establishmentTaxCode = planned.TaxCode, group = planned.Group, productName = planned.ProductName, description = planned.Description,
                receivedOn = planned.ReceivedOn,
                lowerLevelCertificateNumber = planned switch
                {
                    { ProvincialCertificateYear: { } year } => await CertificateAsync(planned.TaxCode, "Provincial", year, cancellationToken),
                    { DistrictCertificateYear: { } year } => await CertificateAsync(planned.TaxCode, "District", year, cancellationToken),
                    _ => null,
                },
            }, cancellationToken, HttpStatusCode.Created);
            var entryPath = $"{path}/entries/{entry.GetProperty("id").GetString()}";
            // The product photos are the entry's attachments; a run cut short resumes after those already there.
            foreach (var photo in DemoImages.DossierPhotos(plan.Year + i).Skip(entry.GetProperty("photoCount").GetInt32()))
            {
                await gateway.AttachAsync($"{entryPath}/attachments", photo, "ProductPhoto", cancellationToken);
            }
            if (entry.GetProperty("status").GetString() == "Draft")
            {
                await gateway.PostAsync($"{entryPath}/submit", null, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Every juror's sheet for every entry not fully scored, each sent by the juror holding the seat (a sheet sent
    /// again replaces the same juror's, so nothing doubles).
    /// </summary>
    private async Task ScoreAsync(string path, DemoCompetition plan, JsonElement competition, CancellationToken cancellationToken)
    {
        var seats = competition.GetProperty("council").EnumerateArray()
            .OrderBy(m => m.GetProperty("seat").GetInt32())
            .Select(m => (Id: m.GetProperty("id").GetString()!, Juror: JurorHolding(m, competition)))
            .ToList();
        var entries = await EntriesAsync(path, plan, cancellationToken);
        for (var i = 0; i < plan.Entries.Count; i++)
        {
            var entry = entries[i]!.Value;
            if (entry.GetProperty("scoresReceived").GetInt32() == seats.Count)
            {
                continue;
            }
            foreach (var (sheet, seat) in plan.Entries[i].Sheets.Zip(seats))
            {
                await seat.Juror.Gateway.PostAsync($"{path}/entries/{entry.GetProperty("id").GetString()}/scores", new
                {
                    memberId = seat.Id, market = sheet.Market, technical = sheet.Technical, cultural = sheet.Cultural, other = sheet.Other,
                }, cancellationToken);
            }
        }
    }

    private DemoMember JurorNamed(string userName) => jury.Single(j => j.UserName == userName);

    private DemoMember JurorHolding(JsonElement seat, JsonElement competition) =>
        jury.SingleOrDefault(j => j.UserId == seat.GetProperty("userId").GetString())
        ?? throw new InvalidOperationException($"'{competition.GetProperty("title").GetString()}' is scored by a jury the demo set did not seat; score it in the web UI.");

    /// <summary>Files the planned complaint once, and answers it.</summary>
    private async Task ComplaintAsync(string path, DemoCompetition plan, CancellationToken cancellationToken)
    {
        if (plan.Complaint is not { } complaint)
        {
            return;
        }
        var filed = (await gateway.GetAsync($"{path}/complaints", cancellationToken)).EnumerateArray().FirstOrDefault();
        if (filed.ValueKind != JsonValueKind.Object)
        {
            var entries = await EntriesAsync(path, plan, cancellationToken);
            filed = await gateway.PostAsync($"{path}/complaints", new
            {
                entryId = entries[complaint.Entry]!.Value.GetProperty("id").GetString(), complainant = complaint.Complainant,
                content = complaint.Content, receivedOn = complaint.ReceivedOn,
            }, cancellationToken, HttpStatusCode.Created);
        }
        if (filed.GetProperty("answeredOn").ValueKind == JsonValueKind.Null)
        {
            await gateway.PostAsync($"{path}/complaints/{filed.GetProperty("id").GetString()}/answer", new
            {
                answer = complaint.Answer, answeredOn = complaint.AnsweredOn,
            }, cancellationToken);
        }
    }

    private async Task RevokeAsync(string path, DemoCompetition plan, CancellationToken cancellationToken)
    {
        if (plan.Revocation is not { } revocation)
        {
            return;
        }
        var entryId = (await EntriesAsync(path, plan, cancellationToken))[revocation.Entry]!.Value.GetProperty("id").GetString();
        var certificates = await gateway.GetAsync($"/api/products/certificates?year={plan.Year}&level={plan.Level}&pageSize=200", cancellationToken);
        var certificate = certificates.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("entryId").GetString() == entryId);
        if (certificate.GetProperty("status").GetString() == "Valid")
        {
            await gateway.PostAsync($"/api/products/certificates/{certificate.GetProperty("id").GetString()}/revoke", new
            {
                reason = revocation.Reason, revokedOn = revocation.RevokedOn,
            }, cancellationToken);
        }
    }

    /// <summary>The number of the establishment's certificate of <paramref name="level"/> and <paramref name="year"/>, which an entry of the level above presents.</summary>
    private async Task<string> CertificateAsync(string taxCode, string level, int year, CancellationToken cancellationToken)
    {
        var page = await gateway.GetAsync($"/api/products/certificates?establishmentTaxCode={taxCode}&level={level}&year={year}", cancellationToken);
        return page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()).FirstOrDefault()
            ?? throw new InvalidOperationException($"Establishment {taxCode} holds no {level} certificate of {year} to enter the level above.");
    }

    /// <summary>The registered entries in the plan's order; null where an entry is not registered yet.</summary>
    private async Task<List<JsonElement?>> EntriesAsync(string path, DemoCompetition plan, CancellationToken cancellationToken)
    {
        var registered = (await gateway.GetAsync($"{path}/entries", cancellationToken)).EnumerateArray().ToList();
        return plan.Entries.Select(planned => registered
            .Where(e => e.GetProperty("establishmentTaxCode").GetString() == planned.TaxCode && e.GetProperty("productName").GetString() == planned.ProductName)
            .Cast<JsonElement?>().FirstOrDefault()).ToList();
    }
}
