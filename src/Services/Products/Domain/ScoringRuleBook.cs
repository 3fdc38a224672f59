namespace KhuyenCong.Products.Domain;

/// <summary>A version of the pass rule: from <see cref="EffectiveFrom"/> a product passes with an average of at least <see cref="PassThreshold"/>.</summary>
public sealed record PassRule(DateOnly EffectiveFrom, decimal PassThreshold);

/// <summary>
/// The pass threshold as a versioned rule table (from configuration), not a constant: Art. 17.1 of
/// Circular 26/2014 sets 70 points, and a later text may change it. A competition takes the rule in force
/// on the day it is opened (its public announcement), and keeps it to the end, so that a change of the
/// rules never moves the bar under entries already registered.
/// </summary>
public sealed class ScoringRuleBook
{
    public const decimal DefaultPassThreshold = 70m;

    private readonly List<PassRule> _rules;

    public ScoringRuleBook(IEnumerable<PassRule> rules)
    {
        _rules = [.. rules.OrderBy(r => r.EffectiveFrom)];
        foreach (var rule in _rules.Where(r => r.PassThreshold is <= 0 or > ScoreSheet.MaxTotal))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rule.PassThreshold,
                $"The pass threshold effective from {rule.EffectiveFrom:yyyy-MM-dd} must be above 0 and at most {ScoreSheet.MaxTotal} points.");
        }
    }

    /// <summary>The rule in force on <paramref name="date"/>; 70 points when no configured rule has started yet.</summary>
    public PassRule RuleOn(DateOnly date) =>
        _rules.LastOrDefault(r => r.EffectiveFrom <= date) ?? new PassRule(DateOnly.MinValue, DefaultPassThreshold);
}
