namespace KhuyenCong.Training.Extensions;

/// <summary>Settings of the "Training" configuration section.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>The share of sessions a trainee attends to complete a course (0.8 = 80 %).</summary>
    public decimal MinimumAttendance { get; set; } = 0.8m;
}
