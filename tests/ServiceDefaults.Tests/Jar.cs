using KhuyenCong.ServiceDefaults.Domain;

namespace KhuyenCong.ServiceDefaults.Tests;

public enum Colour
{
    Red,
    Green,
    Blue,
}

public sealed class JarRuleException(string code, RuleKind kind, string message) : BusinessRuleException(code, kind, message);

/// <summary>A small aggregate with a capacity rule over its children, as a proposal's advances or a course's seats.</summary>
public sealed class Jar
{
    private Jar() { }

    public Guid Id { get; private set; }
    public string Label { get; private set; } = "";
    public int Capacity { get; private set; }
    public bool Sealed { get; private set; }
    public uint Version { get; private set; }
    public List<Marble> Marbles { get; private set; } = [];

    public static Jar Create(string label, int capacity) => new() { Id = Guid.NewGuid(), Label = label, Capacity = capacity };

    public Marble Add(Colour colour, DateOnly pickedOn)
    {
        if (Sealed)
        {
            throw new JarRuleException("jar-sealed", RuleKind.Conflict, "The jar is sealed.") { Vietnamese = "Lọ đã niêm phong." };
        }
        if (Marbles.Count >= Capacity)
        {
            throw new JarRuleException("jar-full", RuleKind.Unprocessable, $"The jar holds at most {Capacity} marbles.")
            {
                Vietnamese = $"Lọ chỉ chứa tối đa {Capacity} viên bi.",
                LegalBasis = "Quy tắc lọ bi, Điều 1",
            };
        }
        var marble = new Marble { Id = Guid.NewGuid(), Colour = colour, PickedOn = pickedOn };
        Marbles.Add(marble);
        return marble;
    }

    public void Seal()
    {
        if (Sealed)
        {
            throw new JarRuleException("jar-sealed", RuleKind.Conflict, "The jar is already sealed.") { Vietnamese = "Lọ đã được niêm phong trước đó." };
        }
        Sealed = true;
    }
}

public sealed class Marble
{
    public Guid Id { get; set; }
    public Colour Colour { get; set; }
    public DateOnly PickedOn { get; set; }
}
