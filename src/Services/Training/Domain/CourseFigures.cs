namespace KhuyenCong.Training.Domain;

/// <summary>How many trainees a figure counts, and how many of them are women and of an ethnic minority.</summary>
public sealed record TraineeTally(int Total, int Female, int EthnicMinority)
{
    public static TraineeTally Of(IEnumerable<Trainee> trainees)
    {
        var list = trainees.ToList();
        return new TraineeTally(list.Count, list.Count(t => t.Gender == Gender.Female), list.Count(t => t.IsEthnicMinority));
    }
}

/// <summary>The outcome figures of a course for the reports: seated, completed, certified, employed after.</summary>
public sealed record CourseFigures(TraineeTally Enrolled, TraineeTally Completed, TraineeTally Certified, TraineeTally EmployedAfter)
{
    public static CourseFigures Of(Course course, IReadOnlyDictionary<Guid, Trainee> trainees)
    {
        var seated = course.Seated.ToList();
        TraineeTally Tally(Func<Enrolment, bool> which) => TraineeTally.Of(seated.Where(which).Select(e => trainees[e.TraineeId]));
        return new CourseFigures(
            Tally(_ => true),
            Tally(e => e.Completed == true),
            Tally(e => e.CertificateNumber is not null),
            Tally(e => e.EmployedAfter == true));
    }
}
