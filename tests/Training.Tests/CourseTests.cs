using KhuyenCong.Training.Domain;
using Xunit;

namespace KhuyenCong.Training.Tests;

public sealed class CourseTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Start = new(2024, 5, 6);
    private static readonly DateOnly End = new(2024, 5, 17);

    private static CoursePlan PlanOf(int capacity = 2, CourseType type = CourseType.VocationalTraining) => new(
        type, "Đan lát mây tre", "Mây tre đan", new CourseLocation("ha-long", "Hạ Long", "Hạ Long"),
        2024, Start, End, capacity, 120_000_000, ["Nghệ nhân Nguyễn Văn A"]);

    private static Course OpenCourse(int capacity = 2, CourseType type = CourseType.VocationalTraining)
    {
        var course = Course.Plan(PlanOf(capacity, type), Now);
        course.Open(Now);
        return course;
    }

    private static TrainingRuleException Refusal(Action action) => Assert.Throws<TrainingRuleException>(action);

    [Fact]
    public void A_course_seats_trainees_up_to_its_capacity_and_then_refuses_as_full()
    {
        var course = OpenCourse(capacity: 2);
        course.Enrol(Guid.NewGuid(), joinWaitingList: false, Now);
        course.Enrol(Guid.NewGuid(), joinWaitingList: false, Now);

        var refusal = Refusal(() => course.Enrol(Guid.NewGuid(), joinWaitingList: false, Now));

        Assert.Equal("course-full", refusal.Code);
        Assert.Equal(RuleKind.Conflict, refusal.Kind);
        Assert.Equal(2, course.Seated.Count());
        Assert.Equal(2, course.Enrolments.Count);
    }

    [Fact]
    public void A_full_course_puts_those_who_ask_on_the_waiting_list_in_order_of_request()
    {
        var course = OpenCourse(capacity: 1);
        course.Enrol(Guid.NewGuid(), joinWaitingList: true, Now);
        var second = course.Enrol(Guid.NewGuid(), joinWaitingList: true, Now);
        var third = course.Enrol(Guid.NewGuid(), joinWaitingList: true, Now);

        Assert.Equal(EnrolmentStatus.Waiting, second.Status);
        Assert.Equal([second.Id, third.Id], course.WaitingList.Select(e => e.Id));
        Assert.Equal(0, course.FreeSeats);
    }

    [Fact]
    public void The_same_person_cannot_hold_two_places_in_a_course()
    {
        var course = OpenCourse(capacity: 1);
        var seated = Guid.NewGuid();
        var waiting = Guid.NewGuid();
        course.Enrol(seated, false, Now);
        course.Enrol(waiting, true, Now);

        Assert.Equal("already-enrolled", Refusal(() => course.Enrol(seated, true, Now)).Code);
        Assert.Equal("already-enrolled", Refusal(() => course.Enrol(waiting, true, Now)).Code);
        Assert.Equal(2, course.Enrolments.Count);
    }

    [Fact]
    public void Withdrawing_a_seated_trainee_promotes_the_first_on_the_waiting_list()
    {
        var course = OpenCourse(capacity: 1);
        var seated = course.Enrol(Guid.NewGuid(), false, Now);
        var first = course.Enrol(Guid.NewGuid(), true, Now);
        var second = course.Enrol(Guid.NewGuid(), true, Now);

        course.Withdraw(seated.Id, Now.AddHours(1));

        Assert.Equal(EnrolmentStatus.Withdrawn, seated.Status);
        Assert.Equal(EnrolmentStatus.Enrolled, first.Status);
        Assert.Equal(Now.AddHours(1), first.EnrolledAt);
        Assert.Equal(EnrolmentStatus.Waiting, second.Status);
        Assert.Equal([first.Id], course.Seated.Select(e => e.Id));
    }

    [Fact]
    public void Withdrawing_from_the_waiting_list_frees_no_seat_and_promotes_nobody()
    {
        var course = OpenCourse(capacity: 1);
        var seated = course.Enrol(Guid.NewGuid(), false, Now);
        var first = course.Enrol(Guid.NewGuid(), true, Now);
        var second = course.Enrol(Guid.NewGuid(), true, Now);

        course.Withdraw(first.Id, Now);

        Assert.Equal([seated.Id], course.Seated.Select(e => e.Id));
        Assert.Equal([second.Id], course.WaitingList.Select(e => e.Id));
        Assert.Equal("already-withdrawn", Refusal(() => course.Withdraw(first.Id, Now)).Code);
    }

    [Fact]
    public void A_trainee_who_withdrew_may_enrol_again()
    {
        var course = OpenCourse(capacity: 2);
        var person = Guid.NewGuid();
        var first = course.Enrol(person, false, Now);
        course.Withdraw(first.Id, Now);

        var again = course.Enrol(person, false, Now);

        Assert.Equal(EnrolmentStatus.Enrolled, again.Status);
        Assert.Single(course.Seated);
    }

    [Fact]
    public void More_seats_in_an_open_course_go_to_the_waiting_list_and_fewer_than_seated_are_refused()
    {
        var course = OpenCourse(capacity: 1);
        course.Enrol(Guid.NewGuid(), false, Now);
        var first = course.Enrol(Guid.NewGuid(), true, Now);
        var second = course.Enrol(Guid.NewGuid(), true, Now);

        course.Revise(PlanOf(capacity: 2), Now);

        Assert.Equal(EnrolmentStatus.Enrolled, first.Status);
        Assert.Equal(EnrolmentStatus.Waiting, second.Status);
        Assert.Equal("capacity-below-enrolment", Refusal(() => course.Revise(PlanOf(capacity: 1), Now)).Code);
        Assert.Equal(2, course.Capacity);
    }

    [Theory]
    [InlineData(5, 4, 0.8, true)]
    [InlineData(5, 3, 0.8, false)]
    [InlineData(5, 3, 0.6, true)]
    [InlineData(3, 3, 1.0, true)]
    [InlineData(3, 2, 1.0, false)]
    public void Completion_requires_the_minimum_share_of_sessions_attended(int sessions, int attended, double minimum, bool completes)
    {
        var course = OpenCourse();
        var trainee = course.Enrol(Guid.NewGuid(), false, Now);
        var always = course.Enrol(Guid.NewGuid(), false, Now);
        course.Start(Now);
        for (var i = 0; i < sessions; i++)
        {
            course.RecordSession(Start.AddDays(i), $"Buổi {i + 1}", i < attended ? [trainee.Id, always.Id] : [always.Id]);
        }

        course.Complete((decimal)minimum, Now);

        Assert.Equal(CourseStatus.Completed, course.Status);
        Assert.Equal(completes, trainee.Completed);
        Assert.True(always.Completed);
        Assert.Equal((decimal)attended / sessions, course.AttendanceOf(trainee.Id));
    }

    [Fact]
    public void Attendance_can_be_corrected_while_the_course_runs()
    {
        var course = OpenCourse();
        var trainee = course.Enrol(Guid.NewGuid(), false, Now);
        course.Start(Now);
        course.RecordSession(Start, "Khai giảng", []);

        course.CorrectAttendance(1, [trainee.Id]);

        Assert.Equal(1m, course.AttendanceOf(trainee.Id));
        Assert.Equal("unknown-session", Refusal(() => course.CorrectAttendance(2, [trainee.Id])).Code);
    }

    [Fact]
    public void Only_seated_trainees_can_be_marked_present_and_only_within_the_course_dates()
    {
        var course = OpenCourse(capacity: 1);
        course.Enrol(Guid.NewGuid(), false, Now);
        var waiting = course.Enrol(Guid.NewGuid(), true, Now);
        course.Start(Now);

        Assert.Equal("not-enrolled", Refusal(() => course.RecordSession(Start, "", [waiting.Id])).Code);
        Assert.Equal("not-enrolled", Refusal(() => course.RecordSession(Start, "", [Guid.NewGuid()])).Code);
        Assert.Equal("session-outside-course-dates", Refusal(() => course.RecordSession(End.AddDays(1), "", [])).Code);
        Assert.Empty(course.Sessions);
    }

    [Fact]
    public void Certificates_go_to_those_who_completed_numbered_consecutively_in_enrolment_order()
    {
        var course = OpenCourse(capacity: 3);
        var first = course.Enrol(Guid.NewGuid(), false, Now);
        var absent = course.Enrol(Guid.NewGuid(), false, Now);
        var third = course.Enrol(Guid.NewGuid(), false, Now);
        course.Start(Now);
        course.RecordSession(Start, "", [first.Id, third.Id]);
        course.Complete(0.8m, Now);

        var certified = course.IssueCertificates(firstSequence: 41, new DateOnly(2024, 5, 20));

        Assert.Equal([first.Id, third.Id], certified.Select(e => e.Id));
        Assert.Equal("KC-ĐT-2024-00041", first.CertificateNumber);
        Assert.Equal("KC-ĐT-2024-00042", third.CertificateNumber);
        Assert.Null(absent.CertificateNumber);
        Assert.Equal("no-certificates-due", Refusal(() => course.IssueCertificates(43, new DateOnly(2024, 5, 20))).Code);
    }

    [Fact]
    public void Certificate_numbers_are_readable_and_padded_to_five_digits()
    {
        Assert.Equal("KC-ĐT-2025-00001", CertificateNumber.Format(2025, 1));
        Assert.Equal("KC-ĐT-2025-99999", CertificateNumber.Format(2025, 99_999));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateNumber.Format(2025, 0));
    }

    [Fact]
    public void Workshops_grant_no_certificates_and_no_course_grants_them_before_completion()
    {
        var workshop = OpenCourse(type: CourseType.Workshop);
        var trainee = workshop.Enrol(Guid.NewGuid(), false, Now);
        Assert.Equal("illegal-transition", Refusal(() => workshop.CertificatesDue()).Code);
        workshop.Start(Now);
        workshop.RecordSession(Start, "", [trainee.Id]);
        workshop.Complete(0.8m, Now);

        Assert.Equal("no-certificates-for-type", Refusal(() => workshop.CertificatesDue()).Code);
    }

    [Fact]
    public void A_course_moves_from_planned_through_open_and_in_progress_to_completed()
    {
        var course = Course.Plan(PlanOf(), Now);
        Assert.Equal(CourseStatus.Planned, course.Status);
        course.Open(Now);
        Assert.Equal(CourseStatus.OpenForEnrolment, course.Status);
        var trainee = course.Enrol(Guid.NewGuid(), false, Now);
        course.Start(Now);
        Assert.Equal(CourseStatus.InProgress, course.Status);
        course.RecordSession(Start, "", [trainee.Id]);
        course.Complete(0.8m, Now);
        Assert.Equal(CourseStatus.Completed, course.Status);
        Assert.Equal(0.8m, course.MinimumAttendance);
    }

    [Fact]
    public void Illegal_moves_are_refused_as_conflicts_naming_the_state()
    {
        var planned = Course.Plan(PlanOf(), Now);
        Assert.Equal("enrolment-closed", Refusal(() => planned.Enrol(Guid.NewGuid(), false, Now)).Code);
        var start = Refusal(() => planned.Start(Now));
        Assert.Equal("illegal-transition", start.Code);
        Assert.Equal(RuleKind.Conflict, start.Kind);
        Assert.Contains("Planned", start.Message);
        Assert.Equal("illegal-transition", Refusal(() => planned.Complete(0.8m, Now)).Code);

        var open = OpenCourse();
        Assert.Equal("illegal-transition", Refusal(() => open.Open(Now)).Code);
        Assert.Equal("no-trainees", Refusal(() => open.Start(Now)).Code);

        var trainee = open.Enrol(Guid.NewGuid(), false, Now);
        open.Start(Now);
        Assert.Equal("enrolment-closed", Refusal(() => open.Withdraw(trainee.Id, Now)).Code);
        Assert.Equal("illegal-transition", Refusal(() => open.Revise(PlanOf(), Now)).Code);
        Assert.Equal("no-sessions", Refusal(() => open.Complete(0.8m, Now)).Code);
        open.RecordSession(Start, "", [trainee.Id]);
        open.Complete(0.8m, Now);
        Assert.Equal("illegal-transition", Refusal(() => open.Cancel("late", Now)).Code);
    }

    [Fact]
    public void A_course_can_be_cancelled_until_it_is_completed()
    {
        var planned = Course.Plan(PlanOf(), Now);
        planned.Cancel("Không đủ học viên", Now);
        Assert.Equal(CourseStatus.Cancelled, planned.Status);
        Assert.Equal("Không đủ học viên", planned.CancellationReason);
        Assert.Equal("illegal-transition", Refusal(() => planned.Open(Now)).Code);

        var running = OpenCourse();
        running.Enrol(Guid.NewGuid(), false, Now);
        running.Start(Now);
        running.Cancel("Bão", Now);
        Assert.Equal(CourseStatus.Cancelled, running.Status);
    }

    [Fact]
    public void A_course_from_a_proposal_is_planned_with_its_support_and_needs_trade_dates_and_capacity_to_open()
    {
        var proposalId = Guid.NewGuid();
        var course = Course.PlanFromProposal(proposalId, "KCĐP-2024-003", 2, "Tập huấn marketing",
            new CourseLocation("tien-yen", "Tiên Yên", "Tiên Yên"), 2024, 80_000_000, Now);

        Assert.Equal(CourseStatus.Planned, course.Status);
        Assert.Equal(CourseType.ManagementCourse, course.Type);
        Assert.Equal(2, course.ContentGroup);
        Assert.Equal(80_000_000, course.Budget);
        Assert.Equal(proposalId, course.FundingProposalId);
        var refusal = Refusal(() => course.Open(Now));
        Assert.Equal("plan-incomplete", refusal.Code);
        Assert.Contains("start and end dates", refusal.Message);
        Assert.Contains("capacity", refusal.Message);
        Assert.Contains("trade", refusal.Message);

        course.Revise(PlanOf() with { Type = CourseType.Workshop }, Now);
        course.Open(Now);
        Assert.Equal(2, course.ContentGroup);
        Assert.Throws<ArgumentOutOfRangeException>(() => Course.PlanFromProposal(Guid.NewGuid(), "KCĐP-2024-004", 3, "Máy sấy",
            new CourseLocation("ha-long", "Hạ Long", "Hạ Long"), 2024, 1, Now));
    }

    [Theory]
    [InlineData(CourseType.CraftTeaching, 1)]
    [InlineData(CourseType.StudyTour, 2)]
    [InlineData(CourseType.StaffTraining, 9)]
    public void A_course_planned_by_hand_takes_the_content_group_of_its_type(CourseType type, int group) =>
        Assert.Equal(group, Course.Plan(PlanOf(type: type), Now).ContentGroup);

    [Fact]
    public void A_course_cannot_end_before_it_starts() =>
        Assert.Equal("invalid-dates", Refusal(() => Course.Plan(PlanOf() with { EndDate = Start.AddDays(-1) }, Now)).Code);

    [Theory]
    [InlineData("Kinh", false)]
    [InlineData(" kinh ", false)]
    [InlineData("Tày", true)]
    [InlineData("Sán Dìu", true)]
    public void Every_ethnic_group_but_the_Kinh_is_a_minority(string group, bool minority) =>
        Assert.Equal(minority, Trainee.Register("Hoàng Thị B", 1990, Gender.Female, group, null, null, Now).IsEthnicMinority);

    [Fact]
    public void Course_figures_count_women_and_ethnic_minorities_of_the_seated_trainees()
    {
        var course = OpenCourse(capacity: 3);
        var kinhMan = Trainee.Register("Nguyễn Văn C", 1985, Gender.Male, "Kinh", null, null, Now);
        var dao = Trainee.Register("Triệu Thị D", 1992, Gender.Female, "Dao", null, null, Now);
        var tay = Trainee.Register("Hoàng Văn E", 1995, Gender.Male, "Tày", null, null, Now);
        var waiting = Trainee.Register("Lê Thị F", 1999, Gender.Female, "Kinh", null, null, Now);
        var trainees = new[] { kinhMan, dao, tay, waiting }.ToDictionary(t => t.Id);
        var a = course.Enrol(kinhMan.Id, false, Now);
        var b = course.Enrol(dao.Id, false, Now);
        course.Enrol(tay.Id, false, Now);
        course.Enrol(waiting.Id, true, Now);
        course.Start(Now);
        course.RecordSession(Start, "", [a.Id, b.Id]);
        course.Complete(0.8m, Now);
        course.IssueCertificates(1, End);
        course.RecordEmployment([(b.Id, true), (a.Id, false)]);

        var figures = CourseFigures.Of(course, trainees);

        Assert.Equal(new TraineeTally(3, 1, 2), figures.Enrolled);
        Assert.Equal(new TraineeTally(2, 1, 1), figures.Completed);
        Assert.Equal(new TraineeTally(2, 1, 1), figures.Certified);
        Assert.Equal(new TraineeTally(1, 1, 1), figures.EmployedAfter);
    }
}
