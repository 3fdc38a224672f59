using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCong.Contracts;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

/// <summary>
/// What a person reads of a refusal (Vietnamese, the default language) names no code identifier (FundingSource's
/// National, an activity's AdvancedMachinery…) and no API field name inside the sentence, and is no English text.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed partial class VietnameseRefusalTests(PostgresServer postgres, RabbitMqServer rabbit) : ProposalsApp(postgres, rabbit)
{
    /// <summary>A quoted API field name after the start of a message (the web app drops only a leading one).</summary>
    [GeneratedRegex(@"(?<!^)'[a-z][A-Za-z0-9\[\].]*'")]
    private static partial Regex FieldNameInside();

    [GeneratedRegex(@"\b(must|required|one of|is not|cannot)\b")]
    private static partial Regex EnglishWords();

    private static readonly string[] Identifiers =
    [
        .. Enum.GetNames<FundingSource>(), .. Enum.GetNames<SupportActivity>(), .. Enum.GetNames<Sector>(), .. Enum.GetNames<EstablishmentType>(),
        "Draft", "Submitted", "UnderAppraisal", "ReturnedForRevision", "InImplementation",
    ];

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "POST", "/api/proposals", "{}" },
        { "POST", "/api/proposals", """{"fundingSource":"Somewhere","planYear":2024}""" },
        { "POST", "/api/proposals", """{"fundingSource":"Local","planYear":2024,"activity":"Juggling","sector":"Nowhere"}""" },
        { "POST", "/api/establishments", "{}" },
        { "POST", "/api/establishments", """{"type":"Guild"}""" },
        { "GET", "/api/proposals?status=Lost", "" },
        { "GET", "/api/proposals?fundingSource=Both", "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_reads_in_Vietnamese_without_code_identifiers_or_field_names_inside(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await Client.SendAsync(request);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString()!)).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, message =>
        {
            Assert.DoesNotMatch(FieldNameInside(), message);
            Assert.DoesNotMatch(EnglishWords(), message);
            Assert.DoesNotContain(Identifiers, id => Regex.IsMatch(message, $@"\b{id}\b"));
        });
    }

    [Theory]
    [InlineData(null, "Việc này nằm ngoài cơ sở hoặc đơn vị bạn được phép đại diện.",
        "Đề án bạn lập phải nêu cơ sở của bạn (mã số thuế 5700100016) trong số đơn vị thụ hưởng.", "Bạn chỉ được đại diện cho cơ sở có mã số thuế 5700100016.")]
    [InlineData("en", "This is outside the establishment or unit you act for.",
        "A proposal you file must name your establishment (5700100016) among its beneficiaries.", "You act for the establishment with tax code 5700100016 only.")]
    public async Task A_request_outside_the_users_scope_is_refused_in_Vietnamese_and_in_English_on_request(
        string? language, string title, string proposalDetail, string establishmentDetail)
    {
        const string own = "5700100016", other = "5700100023";
        await Journey.EnsureEstablishmentAsync(other, "uong-bi");
        var establishment = ClientAs(TestUser.Establishment(own));

        async Task<JsonElement> RefusedAsync(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            if (language is not null)
            {
                request.Headers.Add("Accept-Language", language);
            }
            using var response = await establishment.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }

        var proposal = await RefusedAsync("/api/proposals", ProposalJourney.DraftBody(other, unit: "uong-bi"));
        var registration = await RefusedAsync("/api/establishments", ProposalJourney.EstablishmentBody("5700100030"));

        Assert.Equal((title, proposalDetail), (proposal.GetProperty("title").GetString(), proposal.GetProperty("detail").GetString()));
        Assert.Equal((title, establishmentDetail), (registration.GetProperty("title").GetString(), registration.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_file_sent_without_its_file_or_kind_is_refused_naming_both_by_their_Vietnamese_labels()
    {
        const string taxCode = "5700100016";
        await Journey.EnsureEstablishmentAsync(taxCode);
        var id = (await Journey.CreateAsync(ProposalJourney.DraftBody(taxCode))).GetProperty("id").GetString();

        using var response = await Client.PostAsync($"/api/proposals/{id}/attachments",
            new MultipartFormDataContent { { new StringContent("Lost"), "kind" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal("Tệp là bắt buộc: gửi đúng một tệp.", errors.GetProperty("file")[0].GetString());
        Assert.StartsWith("Loại là bắt buộc: một trong ", errors.GetProperty("kind")[0].GetString());
        Assert.All(new[] { errors.GetProperty("file")[0].GetString()!, errors.GetProperty("kind")[0].GetString()! }, message =>
        {
            Assert.DoesNotContain("'", message);
            Assert.DoesNotContain(Enum.GetNames<KhuyenCong.Contracts.Documents.DocumentKind>(), kind => Regex.IsMatch(message, $@"\b{kind}\b"));
        });
    }

    [Fact]
    public void A_choice_is_told_by_the_Vietnamese_names_of_its_codes()
    {
        Assert.Equal("chọn một trong: Khuyến công quốc gia, Khuyến công địa phương",
            KhuyenCong.ServiceDefaults.Http.InputBounds.VietnameseChoice(typeof(FundingSource)));
    }
}
