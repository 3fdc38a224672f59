using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.ServiceDefaults.Security;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[Collection(ServersCollection.Name)]
public sealed class ProposalHistoryTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string TaxCode = "5700100256";
    private static readonly TestUser NamedOfficer = new(PlatformRoles.Officer, Subject: "officer-lan", DisplayName: "Nguyễn Thị Lan");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(TaxCode);
    }

    [Fact]
    public async Task The_history_names_the_officer_and_carries_the_business_day_amount_and_document_of_each_act()
    {
        var officer = new ProposalJourney(ClientAs(NamedOfficer)) { Council = Journey.Council };
        var id = (await officer.CreateAsync(ProposalJourney.DraftBody(TaxCode))).GetProperty("id").GetString()!;
        await officer.SubmitAsync(id, receivedOn: "2023-05-02");
        await officer.AppraiseAsync(id, percent: 80, completedOn: "2023-09-01");
        await officer.ApproveAsync(id, 250_000_000, "2024-03-05");
        await officer.PostAsync(id, "implementation", new { contractNumber = "HĐ-15/2024", signedOn = "2024-03-20" });
        await officer.PostAsync(id, "payments", new { kind = "Advance", amount = 175_000_000, paidOn = "2024-04-01" });

        var history = (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history")).EnumerateArray().ToList();

        var approval = history.Single(h => h.GetProperty("to").GetString() == "Approved" && h.GetProperty("kind").GetString() == "StatusChange");
        Assert.Equal("Nguyễn Thị Lan", approval.GetProperty("actedByName").GetString());
        Assert.Equal("officer-lan", approval.GetProperty("actedBy").GetString());
        Assert.Equal("2024-03-05", approval.GetProperty("occurredOn").GetString());
        Assert.Equal(250_000_000, approval.GetProperty("amount").GetInt64());
        Assert.Equal("15/QĐ-SCT", approval.GetProperty("document").GetString());
        var contract = history.Single(h => h.GetProperty("to").GetString() == "InImplementation" && h.GetProperty("kind").GetString() == "StatusChange");
        Assert.Equal(("2024-03-20", "HĐ-15/2024"), (contract.GetProperty("occurredOn").GetString(), contract.GetProperty("document").GetString()));
        var submitted = history.Single(h => h.GetProperty("to").GetString() == "Submitted");
        Assert.Equal("2023-05-02", submitted.GetProperty("occurredOn").GetString());

        var payment = Assert.Single(history, h => h.GetProperty("kind").GetString() == "Payment");
        Assert.Equal(("2024-04-01", 175_000_000L, "Advance", "Nguyễn Thị Lan"),
            (payment.GetProperty("occurredOn").GetString(), payment.GetProperty("amount").GetInt64(), payment.GetProperty("document").GetString(),
                payment.GetProperty("actedByName").GetString()));
        var sheets = history.Where(h => h.GetProperty("kind").GetString() == "AppraisalScored").ToList();
        Assert.Equal(Journey.Council.Select(m => m.UserId).Order(), sheets.Select(s => s.GetProperty("actedBy").GetString()).Order());
        Assert.All(sheets, s => Assert.Equal(80m, s.GetProperty("score").GetDecimal()));
        var completed = Assert.Single(history, h => h.GetProperty("kind").GetString() == "AppraisalCompleted");
        Assert.Equal(("2023-09-01", 80m), (completed.GetProperty("occurredOn").GetString(), completed.GetProperty("score").GetDecimal()));
    }

    [Fact]
    public async Task An_edit_is_recorded_with_the_old_and_new_values_and_a_return_with_its_reason()
    {
        var officer = new ProposalJourney(ClientAs(NamedOfficer)) { Council = Journey.Council };
        var id = (await officer.CreateAsync(ProposalJourney.DraftBody(TaxCode))).GetProperty("id").GetString()!;
        var edited = ProposalJourney.DraftBody(TaxCode, stateSupport: 200_000_000);
        edited["title"] = "Đổi tên đề án";
        (await ClientAs(NamedOfficer).PutAsJsonAsync($"/api/proposals/{id}", edited)).EnsureSuccessStatusCode();
        (await ClientAs(NamedOfficer).PutAsJsonAsync($"/api/proposals/{id}", edited)).EnsureSuccessStatusCode();
        await officer.SubmitAsync(id);
        await officer.PostAsync(id, "appraisal", officer.CouncilRequest());
        await officer.PostAsync(id, "return", new { reason = "Bổ sung báo giá thiết bị" });

        var history = (await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history")).EnumerateArray().ToList();

        var edit = Assert.Single(history, h => h.GetProperty("kind").GetString() == "Revision");
        Assert.Equal("Nguyễn Thị Lan", edit.GetProperty("actedByName").GetString());
        var changes = edit.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("old").GetString(), c.GetProperty("new").GetString()));
        Assert.Equal(("300000000", "200000000"), changes["stateSupport"]);
        Assert.Equal("Đổi tên đề án", changes["title"].Item2);
        Assert.DoesNotContain("ownCapital", changes.Keys);
        var returned = history.Single(h => h.GetProperty("to").GetString() == "ReturnedForRevision");
        Assert.Equal("Bổ sung báo giá thiết bị", returned.GetProperty("reason").GetString());
        Assert.Equal(4, (await EventTypesAsync()).Count(t => t == "ProposalStatusChanged"));
    }
}
