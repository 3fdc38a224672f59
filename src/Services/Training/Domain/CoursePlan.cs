namespace KhuyenCong.Training.Domain;

/// <summary>
/// What an officer plans for a course. Dates and capacity may stay open while the course is Planned;
/// they are required to open it for enrolment. Budget is whole VND.
/// </summary>
public sealed record CoursePlan(
    CourseType Type,
    string Title,
    string Trade,
    CourseLocation Location,
    int PlanYear,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int Capacity,
    long Budget,
    IReadOnlyList<string> Instructors);

/// <summary>Where a course is held: the administrative unit, its display name and the district-level unit for reports.</summary>
public sealed record CourseLocation(string AdministrativeUnitCode, string Name, string District);
