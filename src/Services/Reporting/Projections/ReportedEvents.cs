using System.Text.Json;
using KhuyenCong.Contracts.Establishments;
using KhuyenCong.Contracts.Fairs;
using KhuyenCong.Contracts.Products;
using KhuyenCong.Contracts.Proposals;
using KhuyenCong.Contracts.Training;

namespace KhuyenCong.Reporting.Projections;

/// <summary>Every integration event Reporting consumes, by the short name the ledger stores it under.</summary>
public static class ReportedEvents
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The events the ledger may hold. Each has a consumer (Consumers/ReportingConsumers.cs) and a case in
    /// <see cref="ReportingProjections"/>; ReportedEventsTests keeps the three in step.
    /// </summary>
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(ProposalStatusChanged), typeof(ProposalSubmitted), typeof(ProposalApproved), typeof(ProposalRejected),
        typeof(ProposalCancelled), typeof(AdvancePaid), typeof(ProposalAccepted), typeof(ProposalSettled),
        typeof(ProposalAmended), typeof(RefundRecorded),
        typeof(FollowUpRecorded), typeof(FollowUpOverdue),
        typeof(CourseScheduled), typeof(CourseCompleted), typeof(CourseCancelled),
        typeof(ProductRecognized), typeof(CertificateRevoked), typeof(CertificateExpired),
        typeof(EstablishmentRegistered), typeof(EstablishmentUpdated),
        typeof(FairScheduled), typeof(BoothAllocated), typeof(FairOutcomeRecorded), typeof(FairCancelled),
    ];

    private static readonly Dictionary<string, Type> ByName = All.ToDictionary(t => t.Name);

    public static string Serialize<TEvent>(TEvent integrationEvent) where TEvent : class =>
        JsonSerializer.Serialize(integrationEvent, SerializerOptions);

    public static object Deserialize(string messageType, string payload)
    {
        var type = ByName.GetValueOrDefault(messageType)
            ?? throw new InvalidOperationException($"The ledger holds an event of unknown type '{messageType}'.");
        return JsonSerializer.Deserialize(payload, type, SerializerOptions)
            ?? throw new InvalidOperationException($"The ledger holds an empty {messageType}.");
    }
}
