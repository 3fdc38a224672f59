namespace KhuyenCong.Training.Domain;

/// <summary>A training course of content group 1 or 2: vocational training, craft teaching, skill upgrading, management courses.</summary>
public sealed class Course
{
    private Course() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Trade { get; private set; } = "";
    public string Location { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    public int Capacity { get; private set; }
    /// <summary>Whole VND.</summary>
    public long Budget { get; private set; }
}
