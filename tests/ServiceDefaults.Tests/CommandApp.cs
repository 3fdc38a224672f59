using System.Security.Claims;
using KhuyenCong.Platform.Commands;
using KhuyenCong.Platform.Data;
using KhuyenCong.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed record JarRequest(string? Label, int? Capacity);
public sealed record MarbleRequest(Colour? Colour, DateOnly? PickedOn);
public sealed record JarView(Guid Id, string Label, int Capacity, bool Sealed, int Marbles);
public sealed record JarPage(IReadOnlyList<JarView> Items, int Total);

/// <summary>
/// A web host wired as a service is (ServiceDefaults' errors, bounds, idempotency and command path) over
/// real PostgreSQL, with jars of marbles as its aggregate. A test names its caller with the
/// <c>X-Test-Caller</c> header, which becomes the principal's subject.
/// </summary>
public sealed class CommandApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CommandApp(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<CommandApp> StartAsync(string databaseConnection)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:testdb"] = databaseConnection });
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<TestDbContext>("testdb");
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-Caller", out var caller))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", caller.ToString())], "test"));
            }
            return next(context);
        });
        app.UseServiceDefaults();
        Map(app.MapGroup("/api/jars"));
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var address = app.Urls.First();
        return new CommandApp(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static void Map(RouteGroupBuilder jars)
    {
        jars.MapPost("/", Create);
        jars.MapGet("/", List);
        jars.MapGet("/{id:guid}", Get);
        jars.MapPost("/{id:guid}/marbles", AddMarble);
        jars.MapPost("/{id:guid}/seal", Seal);
    }

    private static Task<Results<Created<JarView>, ValidationProblem, ProblemHttpResult>> Create(JarRequest request, TestDbContext db, CancellationToken ct)
    {
        var validation = new RequestValidation().Required(request.Label, "label", 200)
            .Expect(request.Capacity is >= 1 and <= 100, "capacity", "is 1 to 100.", "từ 1 đến 100.");
        if (!validation.IsValid)
        {
            return Task.FromResult<Results<Created<JarView>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Invalid(validation));
        }
        return db.RunAsync<Created<JarView>>(async token =>
        {
            var jar = Jar.Create(request.Label!, request.Capacity!.Value);
            db.Jars.Add(jar);
            await db.SaveChangesAsync(token);
            return TypedResults.Created($"/api/jars/{jar.Id}", View(jar));
        }, ct);
    }

    private static async Task<Results<Ok<JarPage>, ValidationProblem>> List(TestDbContext db, CancellationToken ct, Colour? colour = null, int page = 1, int pageSize = 50)
    {
        var query = db.Jars.AsNoTracking();
        if (colour is not null)
        {
            query = query.Where(j => j.Marbles.Any(m => m.Colour == colour));
        }
        var items = await query.OrderBy(j => j.Label).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new JarPage(items.Select(View).ToList(), await query.CountAsync(ct)));
    }

    private static async Task<Results<Ok<JarView>, ProblemHttpResult>> Get(Guid id, TestDbContext db, CancellationToken ct) =>
        await db.Jars.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct) is { } jar
            ? TypedResults.Ok(View(jar))
            : ApiProblems.NotFound("Jar", id);

    private static Task<Results<Ok<JarView>, ValidationProblem, ProblemHttpResult>> AddMarble(Guid id, MarbleRequest request, TestDbContext db, CancellationToken ct)
    {
        var validation = new RequestValidation().Expect(request.Colour is not null, "colour", "is required.", "là bắt buộc.")
            .RecordDate(request.PickedOn, "pickedOn");
        if (!validation.IsValid)
        {
            return Task.FromResult<Results<Ok<JarView>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Invalid(validation));
        }
        return db.ChangeAsync(id, token => db.Jars.SingleOrDefaultAsync(j => j.Id == id, token),
            jar => jar.Add(request.Colour!.Value, request.PickedOn!.Value),
            jar => TypedResults.Ok(View(jar)), () => ApiProblems.NotFound("Jar", id), ct);
    }

    private static Task<Results<Ok<JarView>, ValidationProblem, ProblemHttpResult>> Seal(Guid id, TestDbContext db, CancellationToken ct) =>
        db.ChangeAsync(id, token => db.Jars.SingleOrDefaultAsync(j => j.Id == id, token), jar => jar.Seal(),
            jar => TypedResults.Ok(View(jar)), () => ApiProblems.NotFound("Jar", id), ct);

    private static JarView View(Jar jar) => new(jar.Id, jar.Label, jar.Capacity, jar.Sealed, jar.Marbles.Count);

    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> read)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
