namespace Swiotlb.Trace.Capture;

/// <summary>Guards the one pass a streaming reader allows over its events.</summary>
public sealed class SingleUse
{
    private bool _used;

    /// <exception cref="InvalidOperationException">The events were already streamed.</exception>
    public IEnumerable<T> Once<T>(Func<IEnumerable<T>> stream)
    {
        if (_used)
            throw new InvalidOperationException("a capture reader streams its events once");
        _used = true;
        return stream();
    }
}
