using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KhuyenCong.Web.Api;

/// <summary>
/// Calls the platform's APIs through the gateway, on the server side of the circuit. Every answer is
/// either the value or an <see cref="ApiProblem"/> (the ProblemDetails the services send, or a
/// connection failure, or the resilience pipeline giving up: a timed-out attempt or an open circuit), so pages show
/// refusals instead of failing — an exception escaping a command would end the person's circuit.
/// </summary>
public sealed class GatewayClient(HttpClient http, CommandKeys commandKeys, ILogger<GatewayClient> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>A command the platform answers with 204 No Content: the result is true when it was done.</summary>
    public Task<ApiResult<bool>> PostCommandAsync(string path, object? body = null, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Post, path, body, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    /// <summary>Fetches a file (an export), with its type and the name the service gave it.</summary>
    public async Task<ApiResult<DownloadedFile>> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new ApiResult<DownloadedFile>(null, await ProblemOfAsync(response, cancellationToken));
            }
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var disposition = response.Content.Headers.ContentDisposition;
            var name = disposition?.FileNameStar ?? disposition?.FileName?.Trim('"') ?? Path.GetFileName(path.Split('?')[0]);
            return new ApiResult<DownloadedFile>(
                new DownloadedFile(content, response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name), null);
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException || GaveUp(e)) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "GET {Path} through the gateway failed", path);
            return new ApiResult<DownloadedFile>(null, ApiProblem.Unreachable(e.Message));
        }
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType(), options: Json),
        };
        // The services answer refusals in the person's language (Vietnamese unless English was chosen).
        request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.Name is { Length: > 0 } culture ? culture : "vi-VN");
        try
        {
            string? key = null;
            if (method != HttpMethod.Get)
            {
                var sent = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
                key = commandKeys.KeyFor(method, path, sent);
                request.Headers.Add("Idempotency-Key", key);
            }
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NoContent && typeof(T) == typeof(bool))
            {
                return new ApiResult<T>((T)(object)true, null);
            }
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                    ?? throw new JsonException($"{method} {path} answered {(int)response.StatusCode} without a body.");
                return new ApiResult<T>(value, null);
            }
            var problem = await ProblemOfAsync(response, cancellationToken);
            if (key is not null && CommandKeys.IsRefusal(problem.Status, problem.Type))
            {
                commandKeys.Forget(key);
            }
            return new ApiResult<T>(default, problem);
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or JsonException || GaveUp(e)) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "{Method} {Path} through the gateway failed", method, path);
            return new ApiResult<T>(default, ApiProblem.Unreachable(e.Message));
        }
    }

    /// <summary>
    /// Whether the resilience pipeline gave up on the call (an attempt timed out, the circuit is open). Two generations of
    /// Polly are loaded side by side and name their common base alike, so it is recognised by name.
    /// </summary>
    private static bool GaveUp(Exception e)
    {
        for (var type = e.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == "Polly.ExecutionRejectedException")
            {
                return true;
            }
        }
        return false;
    }

    private static async Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemBody? body = null;
        if (response.Content.Headers.ContentType?.MediaType is { } media && media.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                body = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
            }
            catch (JsonException)
            {
                body = null;
            }
        }
        var status = (int)response.StatusCode;
        return new ApiProblem(
            status,
            body?.Type,
            body?.Title is { Length: > 0 } title && !IsReasonPhrase(title, status) ? title : ReasonOf(response.StatusCode),
            body?.Detail,
            body?.Errors ?? new Dictionary<string, string[]>());
    }

    /// <summary>The bare HTTP reason phrase a proxy puts as its problem's title ("Bad Gateway"): English, and no help to a person.</summary>
    private static bool IsReasonPhrase(string title, int status) =>
        string.Equals(title, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a refusal without a ProblemDetails body (the proxy's or the web server's own, such as a rate limit) says,
    /// in the person's language: never the status code's English name.
    /// </summary>
    private static string ReasonOf(HttpStatusCode status)
    {
        var code = (int)status;
        var (vietnamese, english) = code switch
        {
            400 => ("Yêu cầu không hợp lệ.", "The request is not valid."),
            401 => ("Phiên đăng nhập đã hết hạn.", "Your session has expired."),
            403 => ("Tài khoản của bạn không có quyền thực hiện thao tác này.", "Your account may not do this."),
            404 => ("Không tìm thấy.", "Not found."),
            409 => ("Thao tác xung đột với trạng thái hồ sơ hoặc dữ liệu đã có.", "This conflicts with the record's state or with existing data."),
            413 => ("Nội dung gửi lên quá lớn.", "What was sent is too large."),
            429 => ("Quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau ít phút.", "Too many requests in a short time; please try again in a few minutes."),
            >= 500 => ("Hệ thống đang gặp sự cố; vui lòng thử lại sau.", "The platform has a problem; please try again later."),
            _ => ($"Yêu cầu không thực hiện được (mã {code}).", $"The request could not be carried out (code {code})."),
        };
        return Ui.Text.IsEnglish ? english : vietnamese;
    }

    private sealed record ProblemBody(string? Type, string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}

public sealed record UploadedFile(string Name, string ContentType, byte[] Content);

public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;
}
