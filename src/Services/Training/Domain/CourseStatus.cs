namespace KhuyenCong.Training.Domain;

public enum CourseStatus
{
    Planned = 1,
    OpenForEnrolment = 2,
    InProgress = 3,
    Completed = 4,
    Cancelled = 5,
}
