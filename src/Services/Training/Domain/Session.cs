namespace KhuyenCong.Training.Domain;

/// <summary>One session of a course (buổi học) and the enrolments present at it.</summary>
public sealed class Session
{
    private Session() { }

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public int Number { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Topic { get; private set; } = "";
    public List<Guid> Present { get; private set; } = [];

    internal static Session Create(Guid courseId, int number, DateOnly heldOn, string topic, IEnumerable<Guid> present) => new()
    {
        Id = Guid.CreateVersion7(),
        CourseId = courseId,
        Number = number,
        HeldOn = heldOn,
        Topic = topic,
        Present = present.Distinct().ToList(),
    };

    internal void CorrectAttendance(IEnumerable<Guid> present) => Present = present.Distinct().ToList();
}
