namespace KhuyenCong.Web.Ui;

/// <summary>
/// The fields on screen whose text is no value (a date that is no date). A command waits until they are put
/// right, so that nothing a person typed is sent as empty. One per circuit, like the pages that share it.
/// </summary>
public sealed class UnreadableInputs
{
    private readonly Dictionary<object, string> _fields = new(ReferenceEqualityComparer.Instance);

    /// <summary>The labels of the fields that hold text that is no value.</summary>
    public IReadOnlyCollection<string> Labels => _fields.Values;

    public void Set(object field, string label, bool unreadable)
    {
        if (unreadable)
        {
            _fields[field] = label;
        }
        else
        {
            _fields.Remove(field);
        }
    }
}
