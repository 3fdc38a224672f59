using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCong.ServiceDefaults.Tests;

public sealed record NoteWritten(Guid NoteId, string Text);

public sealed record PoisonPill(Guid Id);

public sealed class Note
{
    public Guid Id { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>The effect of a consumed event: one row per application.</summary>
public sealed class NoteSeen
{
    public long Id { get; set; }
    public Guid NoteId { get; set; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<NoteSeen> NotesSeen => Set<NoteSeen>();
    public DbSet<Jar> Jars => Set<Jar>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Note>().ToTable("notes");
        modelBuilder.Entity<NoteSeen>().ToTable("notes_seen");
        modelBuilder.Entity<Jar>(jar =>
        {
            jar.ToTable("jars");
            jar.Property(j => j.Version).IsRowVersion();
            jar.Property(j => j.Label).HasMaxLength(200);
            jar.OwnsMany(j => j.Marbles, marble =>
            {
                marble.ToTable("marbles");
                marble.WithOwner().HasForeignKey("jar_id");
                marble.HasKey(m => m.Id);
                marble.Property(m => m.Id).ValueGeneratedNever();
                marble.Property(m => m.Colour).HasConversion<string>().HasMaxLength(20);
            });
            jar.Navigation(j => j.Marbles).AutoInclude();
        });
    }
}

internal sealed class DesignTimeFactory : ServiceDesignTimeFactory<TestDbContext>;

public sealed class NoteWrittenConsumer(TestDbContext db) : IdempotentConsumer<NoteWritten, TestDbContext>(db)
{
    /// <summary>The trace each note was consumed in, to check that the request's trace reaches the consumer.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string?> TraceIds = new();

    protected override Task HandleAsync(NoteWritten message, ConsumeContext<NoteWritten> context)
    {
        TraceIds[message.NoteId] = System.Diagnostics.Activity.Current?.TraceId.ToString();
        Db.NotesSeen.Add(new NoteSeen { NoteId = message.NoteId });
        return Task.CompletedTask;
    }
}

public sealed class PoisonPillConsumer(TestDbContext db) : IdempotentConsumer<PoisonPill, TestDbContext>(db)
{
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Attempts = new();

    protected override Task HandleAsync(PoisonPill message, ConsumeContext<PoisonPill> context)
    {
        Attempts.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        throw new InvalidOperationException($"Poison pill {message.Id} always fails.");
    }
}

/// <summary>A host wired exactly as a service is (database, outbox, inbox, MassTransit), on its own database and queues.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public const int RetryLimit = 2;

    private TestApp(IHost host, string endpointPrefix)
    {
        Host = host;
        EndpointPrefix = endpointPrefix;
    }

    public IHost Host { get; }
    public string EndpointPrefix { get; }

    public static async Task<TestApp> StartAsync(string databaseConnection, string brokerConnection)
    {
        var prefix = $"t{Guid.NewGuid():N}"[..12];
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = databaseConnection,
            ["ConnectionStrings:messaging"] = brokerConnection,
            ["Messaging:EndpointPrefix"] = prefix,
            ["Messaging:RetryLimit"] = RetryLimit.ToString(),
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:RetryIntervalDelta"] = "00:00:00.050",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:01",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:00.500",
        });
        builder.AddServiceDatabase<TestDbContext>("testdb");
        builder.AddServiceMessaging<TestDbContext>(bus =>
        {
            bus.AddConsumer<NoteWrittenConsumer>();
            bus.AddConsumer<PoisonPillConsumer>();
        });
        // Tests publish right away: wait until the receive endpoints and their queues exist.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(30);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestApp(host, prefix);
    }

    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
