using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace KhuyenCong.Platform.Documents;

/// <summary>
/// The attachment tables in a service's own database, with migrations of their own and their own history table
/// (<see cref="MigrationsHistoryTable"/>), so that the business DbContexts and their model snapshots do not change.
/// Commands use it on the service context's connection and transaction (<see cref="AttachmentStore"/>), so a file,
/// the record's history entry and the idempotency mark commit together.
/// </summary>
public sealed class AttachmentsDbContext(DbContextOptions<AttachmentsDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__attachments_migrations_history";

    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> Contents => Set<AttachmentContent>();

    /// <summary>The PostgreSQL options every use of the context shares.</summary>
    public static void Npgsql(NpgsqlDbContextOptionsBuilder npgsql) => npgsql.MigrationsHistoryTable(MigrationsHistoryTable);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Attachment>(Configure);
        modelBuilder.Entity<AttachmentContent>(content =>
        {
            content.ToTable("attachment_contents");
            content.HasKey(c => c.AttachmentId);
            content.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.RecordKind).HasMaxLength(32);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.FileName).HasMaxLength(AttachmentStore.MaxFileNameLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(32);
        builder.Property(a => a.UploadedBy).HasMaxLength(200);
        builder.Property(a => a.UploadedByName).HasMaxLength(200);
        builder.Property(a => a.WithdrawnBy).HasMaxLength(200);
        builder.Property(a => a.WithdrawnByName).HasMaxLength(200);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(1000);
        builder.Ignore(a => a.IsWithdrawn);
        builder.HasIndex(a => new { a.RecordKind, a.RecordId, a.UploadedAt });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the attachments model without a database.</summary>
internal sealed class AttachmentsDesignTimeFactory : IDesignTimeDbContextFactory<AttachmentsDbContext>
{
    public AttachmentsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AttachmentsDbContext>()
        .UseNpgsql("Host=localhost", AttachmentsDbContext.Npgsql)
        .UseSnakeCaseNamingConvention()
        .Options);
}
