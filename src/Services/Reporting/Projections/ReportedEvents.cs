using System.Text.Json;

namespace KhuyenCong.Reporting.Projections;

/// <summary>Every integration event Reporting consumes, by the short name the ledger stores it under.</summary>
public static class ReportedEvents
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The events the ledger may hold: those the projection handles (<see cref="ReportingProjections"/>), each
    /// with its consumer (<see cref="Consumers.LedgerConsumer{TEvent}"/>, registered for every one of them).
    /// </summary>
    public static IReadOnlyList<Type> All => ReportingProjections.HandledEvents;

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
