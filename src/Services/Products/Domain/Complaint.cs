namespace KhuyenCong.Products.Domain;

public enum ComplaintStatus
{
    Open = 1,
    /// <summary>The council ordered the jury to score the entry again.</summary>
    Rescoring = 2,
    Answered = 3,
}

/// <summary>A complaint (khiếu nại) about a competition's result for one entry (Art. 20).</summary>
public sealed class Complaint
{
    /// <summary>Complaints are received within 15 working days of the notice of results (Art. 20.1).</summary>
    public const int FilingWorkingDays = 15;
    /// <summary>The council answers within 10 working days of receipt (Art. 20.2).</summary>
    public const int AnswerWorkingDays = 10;

    private Complaint() { }

    public Guid Id { get; private set; }
    public Guid CompetitionId { get; private set; }
    public Guid EntryId { get; private set; }
    public string Complainant { get; private set; } = "";
    public string Content { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly AnswerDueOn { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public decimal? AverageBefore { get; private set; }
    public decimal? AverageAfter { get; private set; }
    public string? Answer { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public bool? ResultChanged { get; private set; }

    public bool IsPending => Status != ComplaintStatus.Answered;
    public bool AnsweredLate => AnsweredOn is { } answered && answered > AnswerDueOn;

    internal static Complaint File(Guid competitionId, Guid entryId, string complainant, string content,
        DateOnly receivedOn, DateOnly answerDueOn, decimal? averageBefore) => new()
        {
            Id = Guid.CreateVersion7(),
            CompetitionId = competitionId,
            EntryId = entryId,
            Complainant = complainant,
            Content = content,
            ReceivedOn = receivedOn,
            AnswerDueOn = answerDueOn,
            Status = ComplaintStatus.Open,
            AverageBefore = averageBefore,
        };

    internal void StartRescore() => Status = ComplaintStatus.Rescoring;

    internal void Close(string answer, DateOnly answeredOn, decimal? averageAfter, bool resultChanged)
    {
        Status = ComplaintStatus.Answered;
        Answer = answer;
        AnsweredOn = answeredOn;
        AverageAfter = averageAfter;
        ResultChanged = resultChanged;
    }
}
