extern alias WebApp;

using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp::KhuyenCong.Web.Api;
using WebApp::KhuyenCong.Web.Ui;
using Xunit;

namespace KhuyenCong.Web.Tests;

/// <summary>
/// A field's message, shown under the field's own label, does not repeat the label; shown away from its field, it
/// begins with the label, never with the field's API name.
/// </summary>
public sealed class ApiProblemTests
{
    [Theory]
    [InlineData("Số chỗ phải từ 1 đến 500 chỗ.", "Phải từ 1 đến 500 chỗ.")]
    [InlineData("Capacity must be between 1 and 500 seats.", "Must be between 1 and 500 seats.")]
    [InlineData("Ngày kết thúc không được trước ngày bắt đầu.", "Ngày kết thúc không được trước ngày bắt đầu.")]
    [InlineData("'Đan lát' đã có.", "'Đan lát' đã có.")]
    public void A_field_message_reads_without_the_fields_label(string message, string shown)
    {
        var problem = new ApiProblem(400, "/errors/validation", "Dữ liệu không hợp lệ", null,
            new Dictionary<string, string[]> { ["capacity"] = [message] });
        Assert.Equal(shown, problem.For("capacity"));
    }

    [Fact]
    public void A_message_about_a_nested_field_keeps_its_label_under_the_list()
    {
        var problem = new ApiProblem(400, "/errors/validation", "Dữ liệu không hợp lệ", null,
            new Dictionary<string, string[]> { ["members[0].position"] = ["Chức vụ dài tối đa 200 ký tự."] });
        Assert.Equal("Chức vụ dài tối đa 200 ký tự.", problem.For("members"));
    }

    [Fact]
    public void A_summary_of_field_errors_names_each_field_by_its_label()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        try
        {
            var problem = new ApiProblem(400, "/errors/validation", "Dữ liệu không hợp lệ", null, new Dictionary<string, string[]>
            {
                ["outputs"] = ["Tối đa 4000 ký tự."],
                ["capacity"] = ["Số chỗ phải từ 1 đến 500 chỗ."],
            });
            Assert.Equal("Kết quả đạt được: Tối đa 4000 ký tự. Số chỗ phải từ 1 đến 500 chỗ.", problem.Message);
            Assert.DoesNotContain("outputs", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void The_alert_beside_the_action_keeps_what_no_field_of_the_page_shows()
    {
        var problem = new ApiProblem(400, "/errors/validation", "Dữ liệu không hợp lệ", "Xem lỗi từng trường.", new Dictionary<string, string[]>
        {
            ["capacity"] = ["Số chỗ phải từ 1 đến 500 chỗ."],
            ["council[1].name"] = ["Họ tên là bắt buộc."],
            ["$"] = ["Nội dung yêu cầu không đọc được."],
        });

        var left = problem.Without(["capacity", "council"]);

        Assert.NotNull(left);
        Assert.Equal(["$"], left.Errors.Keys);
        Assert.Null(left.Detail);
        Assert.Contains("Nội dung yêu cầu không đọc được.", left.Message, StringComparison.Ordinal);
        Assert.Null(problem.Without(["capacity", "council", "$"]));
        var refusal = problem with { Errors = new Dictionary<string, string[]>() };
        Assert.Same(refusal, refusal.Without(["capacity"]));
    }

    [Fact]
    public void A_page_counts_the_fields_whose_messages_its_inputs_asked_for_and_alerts_the_rest()
    {
        using var page = new FormPage();
        page.Refuse(new ApiProblem(400, "/errors/validation", "Dữ liệu không hợp lệ", null, new Dictionary<string, string[]>
        {
            ["capacity"] = ["Số chỗ phải từ 1 đến 500 chỗ."],
            ["estimate"] = ["Dự toán là bắt buộc."],
        }));

        Assert.Equal("Phải từ 1 đến 500 chỗ.", page.InputError("capacity"));

        Assert.Equal(["estimate"], page.Alert!.Errors.Keys);
        page.InputError("estimate");
        Assert.Null(page.Alert);
    }

    [Theory]
    [InlineData(429, "vi-VN", "Quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau ít phút.")]
    [InlineData(502, "vi-VN", "Hệ thống đang gặp sự cố; vui lòng thử lại sau.")]
    [InlineData(418, "vi-VN", "Yêu cầu không thực hiện được (mã 418).")]
    [InlineData(429, "en-US", "Too many requests in a short time; please try again in a few minutes.")]
    public async Task A_refusal_without_a_problem_body_reads_in_the_persons_language_not_as_the_status_name(int status, string language, string shown)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            using var http = new HttpClient(new Answering((HttpStatusCode)status)) { BaseAddress = new Uri("http://gateway") };
            var client = new GatewayClient(http, new CommandKeys(TimeProvider.System), NullLogger<GatewayClient>.Instance);

            var result = await client.GetAsync<JsonElement>("/api/proposals");

            Assert.Equal(shown, result.Problem!.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task A_proxys_problem_titled_only_with_the_status_reads_in_Vietnamese()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        try
        {
            var body = new StringContent("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.3","title":"Bad Gateway","status":502}""",
                System.Text.Encoding.UTF8, "application/problem+json");
            using var http = new HttpClient(new Answering(HttpStatusCode.BadGateway, body)) { BaseAddress = new Uri("http://gateway") };
            var client = new GatewayClient(http, new CommandKeys(TimeProvider.System), NullLogger<GatewayClient>.Instance);

            var result = await client.GetAsync<JsonElement>("/api/reports/summary");

            Assert.Equal("Hệ thống đang gặp sự cố; vui lòng thử lại sau.", result.Problem!.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>A proxy that answers with a bare status and a plain-text body (or the given one), as a rate limiter or a failing upstream does.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_command_or_download_the_resilience_pipeline_gives_up_on_is_a_problem_shown_not_an_exception_that_ends_the_circuit(bool timedOut)
    {
        // What the standard resilience handler (Polly 8, Polly.Core) throws when it gives up on an attempt or a circuit.
        var rejection = (Exception)Activator.CreateInstance(Type.GetType(timedOut
            ? "Polly.Timeout.TimeoutRejectedException, Polly.Core"
            : "Polly.CircuitBreaker.BrokenCircuitException, Polly.Core", throwOnError: true)!)!;
        using var http = new HttpClient(new Throwing(rejection)) { BaseAddress = new Uri("http://gateway") };
        var client = new GatewayClient(http, new CommandKeys(TimeProvider.System), NullLogger<GatewayClient>.Instance);

        var command = await client.PostAsync<JsonElement>("/api/proposals/plans/2026/Local/compile", new { reason = "x" });
        var download = await client.DownloadAsync("/api/reports/ministry?year=2026&format=xlsx");

        Assert.True(command.Problem!.IsUnreachable);
        Assert.False(command.Succeeded);
        Assert.True(download.Problem!.IsUnreachable);
    }

    private sealed class Throwing(Exception exception) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(exception);
    }

    private sealed class Answering(HttpStatusCode status, HttpContent? content = null) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = content ?? new StringContent(status.ToString()) });
    }

    private sealed class FormPage : ApiPage
    {
        public string? InputError(string field) => ErrorOf(field);

        public ApiProblem? Alert => UnshownProblem;

        public void Refuse(ApiProblem problem) => Problem = problem;
    }
}
