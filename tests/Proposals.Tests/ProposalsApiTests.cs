using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KhuyenCong.Proposals.Data;
using KhuyenCong.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace KhuyenCong.Proposals.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqServer>
{
    public const string Name = "servers";
}

[Collection(ServersCollection.Name)]
public sealed class ProposalsApiTests : IAsyncLifetime
{
    private readonly WebApplicationFactory<Program> _factory;
    private HttpClient _client = null!;

    public ProposalsApiTests(PostgresServer postgres, RabbitMqServer rabbit)
    {
        var database = postgres.NewDatabase("proposals");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:proposalsdb", database);
            host.UseSetting("ConnectionStrings:messaging", rabbit.ConnectionString);
            host.UseSetting("Messaging:EndpointPrefix", $"p{Guid.NewGuid():N}"[..12]);
        });
    }

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object ValidDraft(long stateSupport = 300_000_000, long ownCapital = 700_000_000, long? total = null) => new
    {
        title = "Máy sấy chè",
        fundingSource = "Local",
        planYear = 2024,
        contentGroup = 3,
        establishmentTaxCode = "5700100256",
        district = "Hạ Long",
        stateSupport,
        ownCapital,
        otherSources = 0,
        totalBudget = total,
    };

    private async Task<JsonElement> CreateAsync(object? draft = null)
    {
        var response = await _client.PostAsJsonAsync("/api/proposals", draft ?? ValidDraft());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(int Proposals, int Events)> CountsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProposalsDbContext>();
        return (await db.Proposals.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_proposal_is_created_submitted_and_approved_with_one_event_each()
    {
        var created = await CreateAsync();
        var id = created.GetProperty("id").GetString();
        Assert.Equal("KCĐP-2024-001", created.GetProperty("code").GetString());
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal(1_000_000_000, created.GetProperty("budget").GetProperty("total").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"/api/proposals/{id}/submit", null)).StatusCode);
        var approve = await _client.PostAsJsonAsync($"/api/proposals/{id}/approve",
            new { approvedSupport = 250_000_000, decisionNumber = "12/QĐ-SCT", decisionDate = "2024-03-05" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        var approved = await approve.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal(250_000_000, approved.GetProperty("approval").GetProperty("approvedSupport").GetInt64());

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProposalsDbContext>();
        var events = await db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync();
        Assert.Collection(events,
            type => Assert.StartsWith("KhuyenCong.Contracts.Proposals.ProposalSubmitted", type),
            type => Assert.StartsWith("KhuyenCong.Contracts.Proposals.ProposalApproved", type));
    }

    [Fact]
    public async Task Codes_are_numbered_per_funding_source_and_year()
    {
        await CreateAsync();
        var second = await CreateAsync();
        var national = await CreateAsync(new
        {
            title = "Mô hình trình diễn", fundingSource = "National", planYear = 2024, contentGroup = 3,
            establishmentTaxCode = "5700100256", district = "Cẩm Phả", stateSupport = 1, ownCapital = 0, otherSources = 0,
        });
        Assert.Equal("KCĐP-2024-002", second.GetProperty("code").GetString());
        Assert.Equal("KCQG-2024-001", national.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_draft_with_missing_fields_and_negative_money_gets_a_400_naming_each_field_and_writes_nothing()
    {
        var response = await _client.PostAsJsonAsync("/api/proposals", new { title = "", planYear = 1990, ownCapital = -1, stateSupport = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        foreach (var field in new[] { "title", "fundingSource", "planYear", "contentGroup", "establishmentTaxCode", "district", "ownCapital", "otherSources" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Budget_lines_that_do_not_add_up_to_the_total_are_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/proposals", ValidDraft(total: 999));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must equal", (await ProblemOf(response)).GetProperty("errors").GetProperty("totalBudget")[0].GetString());
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task A_malformed_body_gets_a_400_problem()
    {
        var response = await _client.PostAsync("/api/proposals", new StringContent("{\"title\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/errors/malformed-request", (await ProblemOf(response)).GetProperty("type").GetString());
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"approvedSupport\": -1, \"decisionNumber\": \"1/QĐ\", \"decisionDate\": \"2024-03-05\"}")]
    [InlineData("{\"approvedSupport\": 100, \"decisionNumber\": \"\", \"decisionDate\": \"2024-03-05\"}")]
    public async Task An_approval_with_a_missing_or_negative_amount_gets_a_400_and_changes_nothing(string body)
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();
        await _client.PostAsync($"/api/proposals/{id}/submit", null);

        var response = await _client.PostAsync($"/api/proposals/{id}/approve", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/errors/validation", (await ProblemOf(response)).GetProperty("type").GetString());
        var proposal = await _client.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}");
        Assert.Equal("Submitted", proposal.GetProperty("status").GetString());
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task Approving_an_unknown_proposal_gets_a_404_problem()
    {
        var response = await _client.PostAsJsonAsync($"/api/proposals/{Guid.NewGuid()}/approve",
            new { approvedSupport = 100, decisionNumber = "1/QĐ", decisionDate = "2024-03-05" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/errors/not-found", (await ProblemOf(response)).GetProperty("type").GetString());
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Approving_a_draft_is_a_409_naming_the_states_and_changes_nothing()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();
        var response = await _client.PostAsJsonAsync($"/api/proposals/{id}/approve",
            new { approvedSupport = 100, decisionNumber = "1/QĐ", decisionDate = "2024-03-05" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal("/errors/illegal-transition", problem.GetProperty("type").GetString());
        Assert.Contains("Draft", problem.GetProperty("detail").GetString());
        Assert.Equal((1, 0), await CountsAsync());
    }

    [Fact]
    public async Task Approving_more_than_the_requested_support_is_a_422()
    {
        var id = (await CreateAsync()).GetProperty("id").GetString();
        await _client.PostAsync($"/api/proposals/{id}/submit", null);
        var response = await _client.PostAsJsonAsync($"/api/proposals/{id}/approve",
            new { approvedSupport = 300_000_001, decisionNumber = "1/QĐ", decisionDate = "2024-03-05" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("/errors/support-exceeds-request", (await ProblemOf(response)).GetProperty("type").GetString());
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task Every_answer_carries_a_correlation_id_and_keeps_a_given_one()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/proposals");
        request.Headers.Add("X-Correlation-Id", "abc-123");
        var response = await _client.SendAsync(request);
        Assert.Equal("abc-123", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.NotEmpty((await _client.GetAsync("/health")).Headers.GetValues("X-Correlation-Id").Single());
    }
}
