using KhuyenCong.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KhuyenCong.Training.Data;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("courses");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Title).HasMaxLength(500);
        builder.Property(c => c.Trade).HasMaxLength(200);
        builder.Property(c => c.FundingProposalCode).HasMaxLength(32);
        builder.Property(c => c.CancellationReason).HasMaxLength(1000);
        builder.Property(c => c.MinimumAttendance).HasPrecision(5, 4);
        builder.Property(c => c.Version).IsRowVersion();
        // One course per funding proposal, however often its approval arrives.
        builder.HasIndex(c => c.FundingProposalId).IsUnique();
        builder.HasIndex(c => new { c.PlanYear, c.Status });

        builder.ComplexProperty(c => c.Location, location =>
        {
            location.Property(l => l.AdministrativeUnitCode).HasColumnName("administrative_unit_code").HasMaxLength(64);
            location.Property(l => l.Name).HasColumnName("location").HasMaxLength(300);
            location.Property(l => l.District).HasColumnName("district").HasMaxLength(100);
        });

        builder.HasMany(c => c.Enrolments).WithOne().HasForeignKey(e => e.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Enrolments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.Seated);
        builder.Ignore(c => c.WaitingList);
        builder.Ignore(c => c.FreeSeats);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.CertificateNumber).HasMaxLength(32);
        builder.HasIndex(e => e.CertificateNumber).IsUnique();
        builder.HasIndex(e => new { e.CourseId, e.Number }).IsUnique();
        // A person holds at most one live seat or waiting place per course; a withdrawal frees it.
        builder.HasIndex(e => new { e.CourseId, e.TraineeId }).IsUnique().HasFilter("status <> 'Withdrawn'");
        builder.HasIndex(e => e.TraineeId);
        builder.HasOne<Trainee>().WithMany().HasForeignKey(e => e.TraineeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Topic).HasMaxLength(500);
        builder.HasIndex(s => new { s.CourseId, s.Number }).IsUnique();
    }
}

internal sealed class TraineeConfiguration : IEntityTypeConfiguration<Trainee>
{
    public void Configure(EntityTypeBuilder<Trainee> builder)
    {
        builder.ToTable("trainees");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.FullName).HasMaxLength(200);
        builder.Property(t => t.EthnicGroup).HasMaxLength(50);
        builder.Property(t => t.Phone).HasMaxLength(20);
        builder.Property(t => t.Gender).HasConversion<string>().HasMaxLength(8);
        builder.Ignore(t => t.IsEthnicMinority);
        builder.HasIndex(t => new { t.FullName, t.BirthYear });
        builder.HasIndex(t => t.EstablishmentId);
    }
}
