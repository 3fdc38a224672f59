namespace KhuyenCong.TestSupport;

public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns true or the bounded wait ends; returns the last answer.</summary>
    public static async Task<bool> TrueWithin(TimeSpan limit, Func<Task<bool>> probe, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe())
            {
                return true;
            }
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }
    }
}
