using KhuyenCong.Contracts;

namespace KhuyenCong.Training.Domain;

/// <summary>
/// A training course: Planned → Open for enrolment → In progress → Completed, or Cancelled before it
/// completes. It seats trainees up to its capacity, keeps a waiting list served in order, records
/// attendance per session, decides completion by the minimum attendance and issues certificates.
/// </summary>
public sealed class Course
{
    private readonly List<Enrolment> _enrolments = [];
    private readonly List<Session> _sessions = [];

    private Course() { }

    public Guid Id { get; private set; }
    public CourseType Type { get; private set; }
    /// <summary>The content group of Decree 45: the funding proposal's, otherwise the one of the course type.</summary>
    public int ContentGroup { get; private set; }
    public string Title { get; private set; } = "";
    public string Trade { get; private set; } = "";
    public CourseLocation Location { get; private set; } = new("", "", "");
    public int PlanYear { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    /// <summary>Seats; 0 until planned.</summary>
    public int Capacity { get; private set; }
    /// <summary>Whole VND.</summary>
    public long Budget { get; private set; }
    public List<string> Instructors { get; private set; } = [];
    public Guid? FundingProposalId { get; private set; }
    public string? FundingProposalCode { get; private set; }
    public CourseStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>The minimum attendance the completion applied (0.8 = 80 %).</summary>
    public decimal? MinimumAttendance { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    /// <summary>Grows with every change, so that concurrent changes to the course or its enrolments collide.</summary>
    public int Revision { get; private set; }
    /// <summary>Concurrency token: two officers acting at once cannot both win.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<Enrolment> Enrolments => _enrolments;
    public IReadOnlyList<Session> Sessions => _sessions;

    public IEnumerable<Enrolment> Seated => _enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).OrderBy(e => e.Number);
    public IEnumerable<Enrolment> WaitingList => _enrolments.Where(e => e.Status == EnrolmentStatus.Waiting).OrderBy(e => e.Number);
    public int FreeSeats => Math.Max(0, Capacity - Seated.Count());

    public static Course Plan(CoursePlan plan, DateTimeOffset now)
    {
        var course = new Course
        {
            Id = Guid.CreateVersion7(),
            Status = CourseStatus.Planned,
            CreatedAt = now,
        };
        course.Apply(plan);
        course.ContentGroup = plan.Type.ContentGroup();
        return course;
    }

    /// <summary>
    /// A Planned course for an approved proposal of content group 1 or 2: its title, location and
    /// approved support; the officer plans type, trade, dates and capacity before opening it.
    /// </summary>
    public static Course PlanFromProposal(
        Guid proposalId, string proposalCode, int contentGroup, string title, CourseLocation location, int planYear,
        long approvedSupport, DateTimeOffset now)
    {
        if (contentGroup is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(contentGroup), contentGroup, "Only proposals of content group 1 or 2 fund courses.");
        }
        return new Course
        {
            Id = Guid.CreateVersion7(),
            Type = contentGroup == 1 ? CourseType.VocationalTraining : CourseType.ManagementCourse,
            ContentGroup = contentGroup,
            Title = title,
            Location = location,
            PlanYear = planYear,
            Budget = approvedSupport,
            FundingProposalId = proposalId,
            FundingProposalCode = proposalCode,
            Status = CourseStatus.Planned,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Changes the plan while the course is Planned or Open. An open course cannot shrink below the
    /// trainees it has seated; more seats go to the waiting list first.
    /// </summary>
    public void Revise(CoursePlan plan, DateTimeOffset now)
    {
        EnsureStatus("revise the plan of", CourseStatus.Planned, CourseStatus.OpenForEnrolment);
        var seated = Seated.Count();
        if (Status == CourseStatus.OpenForEnrolment && plan.Capacity < seated)
        {
            throw new TrainingRuleException("capacity-below-enrolment", RuleKind.Unprocessable,
                $"The capacity cannot be {plan.Capacity}: {seated} trainees are already enrolled.")
            {
                Vietnamese = $"Không thể đặt số chỗ là {plan.Capacity}: đã có {seated} học viên ghi danh.",
            };
        }
        if (Status == CourseStatus.OpenForEnrolment)
        {
            EnsureSchedulable(plan.StartDate, plan.EndDate, plan.Capacity, plan.Trade);
        }
        Apply(plan);
        if (FundingProposalId is null)
        {
            ContentGroup = plan.Type.ContentGroup();
        }
        if (Status == CourseStatus.OpenForEnrolment)
        {
            PromoteWaiting(now);
        }
        Revision++;
    }

    /// <summary>Opens enrolment; the course needs its trade, dates and capacity first.</summary>
    public void Open(DateTimeOffset now)
    {
        EnsureStatus("open", CourseStatus.Planned);
        EnsureSchedulable(StartDate, EndDate, Capacity, Trade);
        Status = CourseStatus.OpenForEnrolment;
        OpenedAt = now;
        Revision++;
    }

    /// <summary>
    /// Seats a trainee while seats are free. A full course refuses with <c>course-full</c>, unless the
    /// trainee asks to join the waiting list. A person holds at most one seat or place per course.
    /// </summary>
    public Enrolment Enrol(Guid traineeId, bool joinWaitingList, DateTimeOffset now)
    {
        if (Status != CourseStatus.OpenForEnrolment)
        {
            throw new TrainingRuleException("enrolment-closed", RuleKind.Conflict,
                $"Course '{Title}' is {Status}; trainees enrol only while it is {CourseStatus.OpenForEnrolment}.")
            {
                Vietnamese = $"Khóa học '{Title}' đang ở trạng thái {CodeNames.VietnameseOf(Status)}; học viên chỉ ghi danh khi khóa học đang mở ghi danh.",
            };
        }
        var existing = _enrolments.FirstOrDefault(e => e.TraineeId == traineeId && e.Status != EnrolmentStatus.Withdrawn);
        if (existing is not null)
        {
            throw new TrainingRuleException("already-enrolled", RuleKind.Conflict,
                $"The trainee is already {(existing.Status == EnrolmentStatus.Waiting ? "on the waiting list of" : "enrolled in")} course '{Title}'.")
            {
                Vietnamese = $"Học viên đã {(existing.Status == EnrolmentStatus.Waiting ? "có tên trong danh sách chờ của" : "ghi danh vào")} khóa học '{Title}'.",
            };
        }
        var seated = FreeSeats > 0;
        if (!seated && !joinWaitingList)
        {
            throw new TrainingRuleException("course-full", RuleKind.Conflict,
                $"Course '{Title}' is full: all {Capacity} seats are taken. Ask to join the waiting list instead.")
            {
                Vietnamese = $"Khóa học '{Title}' đã đủ {Capacity} chỗ. Hãy xin vào danh sách chờ.",
            };
        }
        var enrolment = Enrolment.Create(Id, traineeId, _enrolments.Count + 1, seated, now);
        _enrolments.Add(enrolment);
        Revision++;
        return enrolment;
    }

    /// <summary>Withdraws a trainee before the course starts; a freed seat goes to the first on the waiting list.</summary>
    public void Withdraw(Guid enrolmentId, DateTimeOffset now)
    {
        if (Status != CourseStatus.OpenForEnrolment)
        {
            throw new TrainingRuleException("enrolment-closed", RuleKind.Conflict,
                $"Course '{Title}' is {Status}; trainees withdraw only while it is {CourseStatus.OpenForEnrolment}.")
            {
                Vietnamese = $"Khóa học '{Title}' đang ở trạng thái {CodeNames.VietnameseOf(Status)}; học viên chỉ rút tên khi khóa học đang mở ghi danh.",
            };
        }
        var enrolment = EnrolmentOf(enrolmentId);
        if (enrolment.Status == EnrolmentStatus.Withdrawn)
        {
            throw new TrainingRuleException("already-withdrawn", RuleKind.Conflict, "The trainee has already withdrawn from this course.")
            {
                Vietnamese = "Học viên đã rút tên khỏi khóa học này.",
            };
        }
        enrolment.Withdraw(now);
        PromoteWaiting(now);
        Revision++;
    }

    /// <summary>Starts the course with the trainees seated; the waiting list closes.</summary>
    public void Start(DateTimeOffset now)
    {
        EnsureStatus("start", CourseStatus.OpenForEnrolment);
        if (!Seated.Any())
        {
            throw new TrainingRuleException("no-trainees", RuleKind.Unprocessable, $"Course '{Title}' cannot start without an enrolled trainee.")
            {
                Vietnamese = $"Khóa học '{Title}' không thể bắt đầu khi chưa có học viên ghi danh.",
            };
        }
        Status = CourseStatus.InProgress;
        StartedAt = now;
        Revision++;
    }

    /// <summary>Records a session held and who attended it; only enrolled trainees can be present.</summary>
    public Session RecordSession(DateOnly heldOn, string topic, IReadOnlyCollection<Guid> present)
    {
        EnsureStatus("record attendance of", CourseStatus.InProgress);
        if (heldOn < StartDate || heldOn > EndDate)
        {
            throw new TrainingRuleException("session-outside-course-dates", RuleKind.Unprocessable,
                $"A session on {heldOn:yyyy-MM-dd} is outside the course dates {StartDate:yyyy-MM-dd} to {EndDate:yyyy-MM-dd}.")
            {
                Vietnamese = $"Buổi học ngày {heldOn:dd/MM/yyyy} nằm ngoài thời gian khóa học từ {StartDate:dd/MM/yyyy} đến {EndDate:dd/MM/yyyy}.",
            };
        }
        EnsureSeated(present);
        var session = Session.Create(Id, _sessions.Count + 1, heldOn, topic, present);
        _sessions.Add(session);
        Revision++;
        return session;
    }

    /// <summary>Replaces who was present at a session, while the course is in progress.</summary>
    public void CorrectAttendance(int sessionNumber, IReadOnlyCollection<Guid> present)
    {
        EnsureStatus("correct attendance of", CourseStatus.InProgress);
        var session = _sessions.SingleOrDefault(s => s.Number == sessionNumber)
            ?? throw new TrainingRuleException("unknown-session", RuleKind.Unprocessable, $"Course '{Title}' has no session {sessionNumber}.")
            {
                Vietnamese = $"Khóa học '{Title}' không có buổi học số {sessionNumber}.",
            };
        EnsureSeated(present);
        session.CorrectAttendance(present);
        Revision++;
    }

    /// <summary>The share of the sessions held that an enrolment attended (0 when none was held).</summary>
    public decimal AttendanceOf(Guid enrolmentId) =>
        _sessions.Count == 0 ? 0m : (decimal)_sessions.Count(s => s.Present.Contains(enrolmentId)) / _sessions.Count;

    /// <summary>
    /// Completes the course: every enrolled trainee who attended at least <paramref name="minimumAttendance"/>
    /// of the sessions has completed it.
    /// </summary>
    public void Complete(decimal minimumAttendance, DateTimeOffset now)
    {
        if (minimumAttendance is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumAttendance), minimumAttendance, "The minimum attendance is a share above 0 and at most 1.");
        }
        EnsureStatus("complete", CourseStatus.InProgress);
        if (_sessions.Count == 0)
        {
            throw new TrainingRuleException("no-sessions", RuleKind.Unprocessable,
                $"Course '{Title}' cannot be completed before the attendance of at least one session is recorded.")
            {
                Vietnamese = $"Khóa học '{Title}' chưa thể kết thúc khi chưa ghi điểm danh ít nhất một buổi học.",
            };
        }
        foreach (var enrolment in Seated)
        {
            enrolment.Conclude(AttendanceOf(enrolment.Id) >= minimumAttendance);
        }
        Status = CourseStatus.Completed;
        CompletedAt = now;
        MinimumAttendance = minimumAttendance;
        Revision++;
    }

    /// <summary>Completed trainees without a certificate yet, in enrolment order; refuses when none can be issued.</summary>
    public IReadOnlyList<Enrolment> CertificatesDue()
    {
        EnsureStatus("issue certificates of", CourseStatus.Completed);
        if (!Type.GrantsCertificates())
        {
            throw new TrainingRuleException("no-certificates-for-type", RuleKind.Unprocessable, $"A {Type} grants no certificates.")
            {
                Vietnamese = $"Loại khóa học {CodeNames.VietnameseOf(Type)} không cấp chứng chỉ.",
            };
        }
        var due = Seated.Where(e => e.Completed == true && e.CertificateNumber is null).ToList();
        if (due.Count == 0)
        {
            throw new TrainingRuleException("no-certificates-due", RuleKind.Unprocessable,
                $"No trainee of course '{Title}' is due a certificate: every one who completed it holds one already.")
            {
                Vietnamese = $"Không học viên nào của khóa học '{Title}' còn chờ cấp chứng chỉ: mọi học viên hoàn thành đều đã có chứng chỉ.",
            };
        }
        return due;
    }

    /// <summary>
    /// Issues certificates to the trainees due one, numbered consecutively from <paramref name="firstSequence"/>
    /// of the year of issue (the caller reserves that many numbers).
    /// </summary>
    public IReadOnlyList<Enrolment> IssueCertificates(int firstSequence, DateOnly issuedOn)
    {
        var due = CertificatesDue();
        // The completion instant's UTC day is never later than its day in the province, so this refuses only a real back-dating.
        if (CompletedAt is { } completedAt && issuedOn < DateOnly.FromDateTime(completedAt.UtcDateTime))
        {
            throw new TrainingRuleException("certificate-before-completion", RuleKind.Unprocessable,
                $"Certificates of course '{Title}' cannot be dated {issuedOn:yyyy-MM-dd}, before the course was completed ({completedAt:yyyy-MM-dd}).")
            {
                Vietnamese = $"Chứng chỉ của khóa học '{Title}' không thể ghi ngày {issuedOn:dd/MM/yyyy}, trước ngày kết thúc khóa học ({completedAt:dd/MM/yyyy}).",
            };
        }
        if (firstSequence < 1 || checked(firstSequence + due.Count - 1) > CertificateNumber.MaxSequence)
        {
            throw new TrainingRuleException("certificate-numbers-exhausted", RuleKind.Conflict,
                $"The certificate numbers of {issuedOn.Year} run out at {CertificateNumber.MaxSequence:N0}; {due.Count} more cannot be issued this year.")
            {
                Vietnamese = $"Số hiệu chứng chỉ năm {issuedOn.Year} chỉ đến {CertificateNumber.MaxSequence:N0}; không thể cấp thêm {due.Count} chứng chỉ trong năm nay.",
            };
        }
        for (var i = 0; i < due.Count; i++)
        {
            due[i].Certify(CertificateNumber.Format(issuedOn.Year, firstSequence + i), issuedOn);
        }
        Revision++;
        return due;
    }

    /// <summary>Records, after the course, whether enrolled trainees have or kept a job.</summary>
    public void RecordEmployment(IReadOnlyCollection<(Guid EnrolmentId, bool Employed)> outcomes)
    {
        EnsureStatus("record employment after", CourseStatus.Completed);
        EnsureSeated(outcomes.Select(o => o.EnrolmentId).ToList());
        foreach (var (enrolmentId, employed) in outcomes)
        {
            EnrolmentOf(enrolmentId).RecordEmployment(employed);
        }
        Revision++;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsureStatus("cancel", CourseStatus.Planned, CourseStatus.OpenForEnrolment, CourseStatus.InProgress);
        Status = CourseStatus.Cancelled;
        CancelledAt = now;
        CancellationReason = reason;
        Revision++;
    }

    public Enrolment? FindEnrolment(Guid enrolmentId) => _enrolments.SingleOrDefault(e => e.Id == enrolmentId);

    private Enrolment EnrolmentOf(Guid enrolmentId) => FindEnrolment(enrolmentId)
        ?? throw new TrainingRuleException("not-enrolled", RuleKind.Unprocessable, $"Enrolment {enrolmentId} does not belong to course '{Title}'.")
        {
            Vietnamese = $"Lượt ghi danh {enrolmentId} không thuộc khóa học '{Title}'.",
        };

    private void Apply(CoursePlan plan)
    {
        if (plan.StartDate is { } start && plan.EndDate is { } end && end < start)
        {
            throw new TrainingRuleException("invalid-dates", RuleKind.Unprocessable,
                $"The course cannot end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).")
            {
                Vietnamese = $"Ngày kết thúc khóa học ({end:dd/MM/yyyy}) không thể trước ngày bắt đầu ({start:dd/MM/yyyy}).",
            };
        }
        if (plan.Capacity < 0 || plan.Budget < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(plan), "Capacity and budget are not negative.");
        }
        Type = plan.Type;
        Title = plan.Title;
        Trade = plan.Trade;
        Location = plan.Location;
        PlanYear = plan.PlanYear;
        StartDate = plan.StartDate;
        EndDate = plan.EndDate;
        Capacity = plan.Capacity;
        Budget = plan.Budget;
        Instructors = [.. plan.Instructors];
    }

    private void PromoteWaiting(DateTimeOffset now)
    {
        foreach (var waiting in WaitingList.Take(FreeSeats).ToList())
        {
            waiting.Seat(now);
        }
    }

    private void EnsureSeated(IEnumerable<Guid> enrolmentIds)
    {
        var seated = Seated.Select(e => e.Id).ToHashSet();
        var strangers = enrolmentIds.Where(id => !seated.Contains(id)).ToList();
        if (strangers.Count > 0)
        {
            throw new TrainingRuleException("not-enrolled", RuleKind.Unprocessable,
                $"Not enrolled in course '{Title}': {string.Join(", ", strangers)}.")
            {
                Vietnamese = $"Không ghi danh vào khóa học '{Title}': {string.Join(", ", strangers)}.",
            };
        }
    }

    private static void EnsureSchedulable(DateOnly? startDate, DateOnly? endDate, int capacity, string trade)
    {
        var missing = new List<(string English, string Vietnamese)>();
        if (startDate is null || endDate is null)
        {
            missing.Add(("start and end dates", "ngày bắt đầu và kết thúc"));
        }
        if (capacity <= 0)
        {
            missing.Add(("a capacity", "số chỗ"));
        }
        if (string.IsNullOrWhiteSpace(trade))
        {
            missing.Add(("a trade", "nghề đào tạo"));
        }
        if (missing.Count > 0)
        {
            throw new TrainingRuleException("plan-incomplete", RuleKind.Unprocessable,
                $"A course open for enrolment needs {string.Join(", ", missing.Select(m => m.English))}.")
            {
                Vietnamese = $"Khóa học mở ghi danh cần có {string.Join(", ", missing.Select(m => m.Vietnamese))}.",
            };
        }
    }

    private void EnsureStatus(string action, params CourseStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new TrainingRuleException("illegal-transition", RuleKind.Conflict,
                $"Cannot {action} course '{Title}': it is {Status}, and only a course that is {string.Join(" or ", allowed)} allows it.")
            {
                Vietnamese = $"Khóa học '{Title}' đang ở trạng thái {CodeNames.VietnameseOf(Status)}; thao tác này chỉ được phép khi khóa học ở trạng thái {string.Join(" hoặc ", allowed.Select(s => CodeNames.VietnameseOf(s)))}.",
            };
        }
    }
}
