using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// The proposal's printable papers: the approval decision with its annex, a member's score sheet and the council's
/// summary, read back from the PDF as a person would (names, amounts "1.234.567", dates dd/MM/yyyy), under the
/// proposal's scope; the decision is issued once and kept among the proposal's files.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ProposalPapersTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    private const string Own = "5700100016";
    private const string Other = "5700100023";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Journey.EnsureEstablishmentAsync(Own);
        await Journey.EnsureEstablishmentAsync(Other, "uong-bi");
    }

    [Fact]
    public async Task The_approval_decision_prints_its_number_date_support_beneficiary_and_annex_in_vietnamese()
    {
        var (id, code) = await ApprovedAsync();

        var text = await PdfText.OfAsync(await Client.GetAsync(Paper(id, "approval-decision")), $"quyet-dinh-phe-duyet-{code.Replace('Đ', 'D')}.pdf");

        Assert.Contains("QUYẾT ĐỊNH", text);
        Assert.Contains("Số: 15/QĐ-SCT", text);
        Assert.Contains("Quảng Ninh, ngày 15 tháng 01 năm 2024", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Ứng dụng lò nung gốm tiết kiệm năng lượng", text);
        Assert.Contains("Kinh phí khuyến công hỗ trợ: 285.000.000 đồng", text);
        Assert.Contains($"HTX gốm sứ {Own[^4..]} (MST {Own})", text);
        Assert.Contains("(Kèm theo Quyết định số 15/QĐ-SCT ngày 15/01/2024)", text);
        Assert.Contains("Vốn đối ứng của cơ sở 700.000.000", text);
        Assert.Contains("Tổng kinh phí 985.000.000", text);
        Assert.Contains("Cộng 300.000.000 700.000.000 0 1.000.000.000", text);
        Assert.Contains("Năm 2024", text);
    }

    [Fact]
    public async Task The_decision_is_stored_among_the_proposals_files_at_its_first_printing_and_served_from_there()
    {
        var (id, code) = await ApprovedAsync();

        var first = await (await Client.GetAsync(Paper(id, "approval-decision"))).Content.ReadAsByteArrayAsync();
        var again = await (await ClientAs(TestUser.Establishment(Own)).GetAsync(Paper(id, "approval-decision"))).Content.ReadAsByteArrayAsync();

        Assert.Equal(first, again);
        var file = Assert.Single((await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/attachments")).EnumerateArray());
        Assert.Equal(("ApprovalDecision", $"quyet-dinh-phe-duyet-{code.Replace('Đ', 'D')}.pdf", "application/pdf"),
            (file.GetProperty("kind").GetString(), file.GetProperty("fileName").GetString(), file.GetProperty("contentType").GetString()));
        Assert.Equal(first, await Client.GetByteArrayAsync($"/api/proposals/{id}/attachments/{file.GetProperty("id").GetString()}"));
        var history = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}/history");
        Assert.Contains(history.EnumerateArray(), e => e.TryGetProperty("document", out var d) && d.GetString() == $"quyet-dinh-phe-duyet-{code.Replace('Đ', 'D')}.pdf");
    }

    [Fact]
    public async Task A_members_score_sheet_and_the_councils_summary_print_the_points_and_the_average()
    {
        var (id, _) = await ApprovedAsync();
        var proposal = await Client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        var seat = proposal.GetProperty("appraisal").GetProperty("council").EnumerateArray().First(m => m.GetProperty("chair").GetBoolean());

        var sheet = await PdfText.OfAsync(await Client.GetAsync(Paper(id, $"score-sheets/{seat.GetProperty("id").GetString()}")));
        var summary = await PdfText.OfAsync(await Client.GetAsync(Paper(id, "appraisal-summary")));

        Assert.Contains("PHIẾU THẨM ĐỊNH ĐỀ ÁN KHUYẾN CÔNG", sheet);
        Assert.Contains("Thành viên Hội đồng: Thẩm định viên 1 — Chủ tịch hội đồng", sheet);
        Assert.Contains("Mục tiêu và hiệu quả của đề án 25 20", sheet);
        Assert.Contains("Tổng cộng 100 80", sheet);
        Assert.Contains("Kinh phí khuyến công đề nghị hỗ trợ: 300.000.000 đồng; tổng kinh phí 1.000.000.000 đồng", sheet);
        Assert.Contains("BIÊN BẢN TỔNG HỢP KẾT QUẢ THẨM ĐỊNH", summary);
        Assert.Contains("Thẩm định viên 2", summary);
        Assert.Contains("Điểm bình quân: 80", summary);
        Assert.Contains("Kết luận của Hội đồng: Đề nghị phê duyệt", summary);
        Assert.Contains("Quảng Ninh, ngày 01 tháng 09 năm 2023", summary);
    }

    [Fact]
    public async Task Another_establishments_papers_are_404_and_an_unapproved_proposal_has_no_decision()
    {
        var (id, _) = await ApprovedAsync();
        var stranger = ClientAs(TestUser.Establishment(Other));

        await Answers.AssertProblemAsync(await stranger.GetAsync(Paper(id, "approval-decision")), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await stranger.GetAsync(Paper(id, "appraisal-summary")), HttpStatusCode.NotFound, "/errors/not-found");
        await Answers.AssertProblemAsync(await ClientAs(TestUser.DistrictOfficer("uong-bi")).GetAsync(Paper(id, "approval-decision")), HttpStatusCode.NotFound, "/errors/not-found");
        Assert.Equal(HttpStatusCode.OK, (await ClientAs(TestUser.Establishment(Own)).GetAsync(Paper(id, "appraisal-summary"))).StatusCode);
        var draft = (await Journey.CreateAsync(ProposalJourney.DraftBody(Own))).GetProperty("id").GetString()!;
        var refused = await Answers.AssertProblemAsync(await Client.GetAsync(Paper(draft, "approval-decision")), HttpStatusCode.Conflict, "/errors/not-approved");
        Assert.Contains("chưa được phê duyệt", refused.GetProperty("detail").GetString());
    }

    private async Task<(string Id, string Code)> ApprovedAsync()
    {
        var id = await Journey.AppraisedAsync(ProposalJourney.DraftBody(Own));
        var approved = await Journey.ApproveAsync(id, 285_000_000);
        return (id, approved.GetProperty("code").GetString()!);
    }

    private static string Paper(string id, string paper) => $"/api/proposals/{id}/papers/{paper}";
}
