using KhuyenCong.Products.Domain;

namespace KhuyenCong.Products.Extensions;

/// <summary>The "Products" configuration section: the holiday calendar, the versioned pass rule and the photo limits.</summary>
public sealed class ProductsOptions
{
    public const string SectionName = "Products";

    /// <summary>Public holidays (besides weekends) that are not working days for the complaint deadlines.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The pass threshold by effective date; 70 points (Art. 17.1) when none applies.</summary>
    public List<PassRuleSetting> PassRules { get; set; } = [];

    public PhotoSettings Photos { get; set; } = new();

    public ScoringRuleBook RuleBook() => new(PassRules.Select(r => new PassRule(r.EffectiveFrom, r.PassThreshold)));

    public PhotoPolicy PhotoPolicy() => new(Photos.MaxBytes, Photos.MaxPerEntry);
}

public sealed class PassRuleSetting
{
    public DateOnly EffectiveFrom { get; set; }
    public decimal PassThreshold { get; set; }
}

public sealed class PhotoSettings
{
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxPerEntry { get; set; } = 10;
}
