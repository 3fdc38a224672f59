using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KhuyenCong.Contracts;

namespace KhuyenCong.TestSupport;

/// <summary>
/// Bad input generated from a service's OpenAPI document: for every operation, every query parameter
/// and every body member in turn gets a hostile value (a NUL character, broken Unicode, an overflowing
/// number, an undefined enum number, an absurd date, the wrong JSON type), and every body is also sent
/// as the wrong JSON shape and as a huge one. The sweep collects what a client should never see: a 5xx,
/// an error that is not ProblemDetails, or a hostile request accepted. Every body is also sent empty (<c>{}</c>) and
/// left out, and every 400 is read as a person reads it: in Vietnamese it names each field by its label
/// (<see cref="FieldLabels"/>), never by its API name nor by the names of an enum's members; in English it is English.
/// </summary>
public sealed class HostileSweep(HttpClient client)
{
    private static readonly JsonNode?[] HostileValues =
    [
        JsonValue.Create("nul \u0000 inside"),
        JsonValue.Create(9_223_372_036_854_775_807L),
        JsonValue.Create(-9_223_372_036_854_775_807L),
        JsonNode.Parse("1e30"),
        JsonValue.Create(999),
        JsonValue.Create("0001-01-01"),
        JsonValue.Create("9999-12-31"),
        new JsonObject { ["unexpected"] = true },
    ];

    public sealed record Finding(string Method, string Path, string Case, int Status, string Body)
    {
        public override string ToString() => $"{Method} {Path} [{Case}] → {Status}: {(Body.Length > 300 ? Body[..300] : Body)}";
    }

    public int Requests { get; private set; }
    public List<Finding> ServerErrors { get; } = [];
    public List<Finding> NotProblemDetails { get; } = [];
    /// <summary>Hostile requests answered with a success: each should have been refused.</summary>
    public List<Finding> Accepted { get; } = [];
    /// <summary>Refusals that name the service's inner types (what a body is read into, a framework or driver class).</summary>
    public List<Finding> Revealing { get; } = [];
    /// <summary>400s that a person cannot read: a field without a label, an API name quoted or an enum member named in Vietnamese, Vietnamese in English.</summary>
    public List<Finding> Unreadable { get; } = [];

    /// <summary>The names of the members of the document's enums ("National", "Handicrafts"), which a Vietnamese message must not list.</summary>
    private HashSet<string> _enumMembers = [];

    /// <summary>The names of the document's fields and parameters ("contractDate"), which a Vietnamese message must not quote.</summary>
    private HashSet<string> _apiNames = [];

    /// <summary>A name quoted in a message: a field's ('contractDate') or a value the caller sent ('x').</summary>
    private static readonly System.Text.RegularExpressions.Regex QuotedName = new(@"'(?<name>[a-z][A-Za-z0-9]*(\[\d*\])?(\.[a-z][A-Za-z0-9]*)*)'", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Letters only Vietnamese writes.</summary>
    private static readonly System.Text.RegularExpressions.Regex VietnameseLetter = new("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", System.Text.RegularExpressions.RegexOptions.Compiled | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>A .NET type name of the platform, the framework or a library, or a generic type's arity mark.</summary>
    private static readonly System.Text.RegularExpressions.Regex InternalName =
        new(@"\b(KhuyenCong|System|Microsoft|Npgsql|MassTransit|OpenIddict)\.[A-Za-z]|`\d|Failed to (read|bind) parameter|\bType '|\b(U?Int(16|32|64)|Single|Double|Decimal|Boolean|DateOnly|DateTimeOffset|Guid)\b", System.Text.RegularExpressions.RegexOptions.Compiled);

    public async Task RunAsync(string openApiPath = "/openapi/v1.json")
    {
        var document = JsonNode.Parse(await client.GetStringAsync(openApiPath))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        _enumMembers = EnumMembers(document).ToHashSet(StringComparer.Ordinal);
        _apiNames = ApiNames(document).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var route = Route(path, parameters);
                var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
                foreach (var parameter in query)
                {
                    var name = (string)parameter["name"]!;
                    var kind = KindOf(parameter["schema"], schemas);
                    foreach (var (value, hostileFor) in QueryValues)
                    {
                        await SendAsync(method, $"{route}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}", null, $"query {name}={Printable(value)}",
                            mustRefuse: hostileFor == "any" || hostileFor == kind || (name is "page" or "pageSize" && hostileFor == "integer"));
                    }
                }
                if (query.Count > 0 || method == "get")
                {
                    await SendAsync(method, $"{route}?unknownFilter=1", null, "unknown query parameter", mustRefuse: true);
                    if (query.Any(p => (string?)p["name"] == "page"))
                    {
                        await SendAsync(method, $"{route}?page=2147483647", null, "page=2147483647", mustRefuse: true);
                    }
                }

                var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                if (bodySchema is null)
                {
                    continue;
                }
                var sample = Sample(bodySchema, schemas, 0) as JsonObject ?? new JsonObject();
                foreach (var member in Members(sample, ""))
                {
                    foreach (var hostile in HostileValues)
                    {
                        var body = Replace(sample, member, hostile?.DeepClone());
                        await SendAsync(method, route, body.ToJsonString(), $"body {member}={Printable(hostile?.ToJsonString() ?? "null")}",
                            mustRefuse: !IsHarmless(hostile));
                    }
                }
                await SendAsync(method, route, "{}", "empty body", mustRefuse: false);
                await SendAsync(method, route, null, "no body", mustRefuse: false);
                await SendAsync(method, route, "[]", "body as an array", mustRefuse: true);
                await SendAsync(method, route, "\"text\"", "body as a string", mustRefuse: true);
                await SendAsync(method, route, "{", "truncated body", mustRefuse: true);
                await SendAsync(method, route, $"{{\"x\":\"{new string('x', 2_000_000)}\"}}", "2 MB body", mustRefuse: true);
            }
        }
    }

    /// <summary>Hostile query values and the kind of parameter each must be refused for ("any": every parameter).</summary>
    private static readonly (string Value, string HostileFor)[] QueryValues =
    [
        ("nul \u0000 inside", "any"), ("bell \u0007", "any"), ("2147483648", "integer"), ("-2147483649", "integer"),
        ("999", "enum"), ("one", "integer"), ("9999-12-31T99", "date"), ("Purple", "enum"),
    ];

    /// <summary>What a parameter's schema takes: integer, enum, date or text.</summary>
    private static string KindOf(JsonNode? schema, JsonObject? schemas)
    {
        if (schema is null)
        {
            return "text";
        }
        if ((string?)schema["$ref"] is { } reference)
        {
            return KindOf(schemas?[reference.Split('/')[^1]], schemas);
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options && options.FirstOrDefault(o => (string?)o?["type"] != "null") is { } first)
            {
                return KindOf(first, schemas);
            }
        }
        if (schema["enum"] is not null)
        {
            return "enum";
        }
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue single => (string?)single,
            _ => null,
        };
        return type == "integer" ? "integer" : (string?)schema["format"] == "date" ? "date" : "text";
    }

    /// <summary>A date of 0001-01-01 for a free-text member or 999 for a count may be acceptable input; everything else is hostile.</summary>
    private static bool IsHarmless(JsonNode? value) => value is JsonValue v && (v.ToJsonString() is "999" or "\"0001-01-01\"" or "\"9999-12-31\"");

    private async Task SendAsync(string method, string path, string? body, string label, bool mustRefuse)
    {
        Requests++;
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        var english = Requests % 2 == 0;
        if (english)
        {
            // Every other request asks for English: refusals must be as clean in either language.
            request.Headers.AcceptLanguage.ParseAdd("en");
        }
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var finding = new Finding(method.ToUpperInvariant(), path.Length > 120 ? path[..120] : path, label, status, text);
        if (status >= 500)
        {
            ServerErrors.Add(finding);
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            NotProblemDetails.Add(finding);
        }
        else if (status >= 400 && InternalName.IsMatch(text))
        {
            Revealing.Add(finding);
        }
        else if (status == 400 && UnreadablePart(text, english, labelledFields: body is not null) is { } why)
        {
            Unreadable.Add(finding with { Body = $"{why} in {text}" });
        }
        else if (status < 300 && mustRefuse)
        {
            Accepted.Add(finding);
        }
    }

    /// <summary>
    /// What keeps a 400 from reading for a person in the language asked for (see <see cref="Unreadable"/>), or null. The
    /// fields of a body are those of a form and need a label; a query's parameters are a developer's, typed into no form.
    /// </summary>
    private string? UnreadablePart(string text, bool english, bool labelledFields)
    {
        var problem = JsonNode.Parse(text)!.AsObject();
        var messages = new List<string>();
        if ((string?)problem["detail"] is { } detail)
        {
            messages.Add(detail);
        }
        foreach (var (field, errors) in problem["errors"]?.AsObject() ?? [])
        {
            if (labelledFields && FieldLabels.Of(field) is null)
            {
                return $"no label for '{field}'";
            }
            messages.AddRange(errors!.AsArray().Select(m => (string)m!));
        }
        var unreadable = english
            ? messages.FirstOrDefault(VietnameseLetter.IsMatch)
            : messages.FirstOrDefault(m => QuotedName.Matches(m).Any(q => _apiNames.Contains(FieldLabels.LastSegment(q.Groups["name"].Value))) || m.Split([' ', ',', '.', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Any(_enumMembers.Contains));
        return unreadable is null ? null : $"\"{unreadable}\"";
    }

    private static IEnumerable<string> ApiNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => (p.Key == "properties" && p.Value is JsonObject properties ? properties.Select(f => f.Key) : [])
            .Concat(p.Key == "name" && p.Value is JsonValue name && name.TryGetValue<string>(out var parameter) ? [parameter] : [])
            .Concat(ApiNames(p.Value))),
        JsonArray a => a.SelectMany(ApiNames),
        _ => [],
    };

    private static IEnumerable<string> EnumMembers(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "enum" && p.Value is JsonArray values
            ? values.Select(v => v is JsonValue value && value.TryGetValue<string>(out var name) ? name : null).OfType<string>()
            : EnumMembers(p.Value)),
        JsonArray a => a.SelectMany(EnumMembers),
        _ => [],
    };

    private static string Route(string path, List<JsonNode> parameters)
    {
        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "path"))
        {
            var schema = parameter["schema"];
            var value = (string?)schema?["format"] == "uuid" ? Guid.NewGuid().ToString()
                : (string?)schema?["type"] == "integer" ? "1" : "x";
            path = path.Replace($"{{{(string)parameter["name"]!}}}", value, StringComparison.Ordinal);
        }
        return path;
    }

    /// <summary>A plausible value of a schema: the first enum name, a date, a small number, a word.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth)
    {
        if (schema is null || depth > 4)
        {
            return null;
        }
        if ((string?)schema["$ref"] is { } reference)
        {
            return Sample(schemas?[reference.Split('/')[^1]], schemas, depth + 1);
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema[combinator] is JsonArray options && options.FirstOrDefault(o => (string?)o?["type"] != "null") is { } first)
            {
                return Sample(first, schemas, depth + 1);
            }
        }
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } value)
        {
            return value.DeepClone();
        }
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue single => (string?)single,
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, schemas, depth + 1)))),
            "array" => new JsonArray(Sample(schema["items"], schemas, depth + 1)),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "string" => (string?)schema["format"] switch
            {
                "date" => JsonValue.Create("2026-01-15"),
                "date-time" => JsonValue.Create("2026-01-15T08:00:00Z"),
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                _ => JsonValue.Create("x"),
            },
            _ => null,
        };
    }

    /// <summary>The paths of the body's members, nested objects and the first item of arrays included.</summary>
    private static IEnumerable<string> Members(JsonNode? node, string prefix) => node switch
    {
        JsonObject o => o.SelectMany(p => new[] { Join(prefix, p.Key) }.Concat(Members(p.Value, Join(prefix, p.Key)))),
        JsonArray { Count: > 0 } a => new[] { $"{prefix}[0]" }.Concat(Members(a[0], $"{prefix}[0]")),
        _ => [],
    };

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    private static JsonNode Replace(JsonObject sample, string member, JsonNode? value)
    {
        var copy = sample.DeepClone();
        JsonNode parent = copy;
        var segments = member.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            parent = segments[i] == "[0]" ? parent.AsArray()[0]! : parent[segments[i]]!;
        }
        if (segments[^1] == "[0]")
        {
            parent.AsArray()[0] = value;
        }
        else
        {
            parent[segments[^1]] = value;
        }
        return copy;
    }

    private static string Printable(string text) => new(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c).Take(40).ToArray());

    /// <summary>Runs the sweep and fails with its report unless it found nothing and sent at least <paramref name="atLeast"/> requests.</summary>
    public async Task<string> RunCleanAsync(int atLeast, string openApiPath = "/openapi/v1.json")
    {
        await RunAsync(openApiPath);
        var report = Report();
        if (Requests < atLeast || ServerErrors.Count + NotProblemDetails.Count + Accepted.Count + Revealing.Count + Unreadable.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The hostile-input sweep expected at least {atLeast} requests and no finding: {report}");
        }
        return report;
    }

    public string Report() =>
        $"{Requests} requests: {ServerErrors.Count} × 5xx, {NotProblemDetails.Count} errors without ProblemDetails, {Accepted.Count} hostile requests accepted, {Revealing.Count} refusals naming inner types, {Unreadable.Count} refusals a person cannot read\n"
        + string.Concat(Unreadable.Select(f => f.Body[..f.Body.IndexOf(" in {", StringComparison.Ordinal)]).Distinct().Select(why => $"  {why}\n"))
        + string.Join("\n", ServerErrors.Concat(NotProblemDetails).Concat(Accepted).Concat(Revealing).Concat(Unreadable).Take(15));
}
