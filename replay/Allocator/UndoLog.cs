namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>The old values a state saves before each change it makes after a checkpoint, so that the changes can be
/// undone newest first: a trial touches a few slots, so saving them is cheaper than copying the whole state.</summary>
internal sealed class UndoLog<T> where T : struct
{
    private readonly Stack<T> saved = new();
    private bool recording;

    /// <summary>Forgets what was saved and saves every change from here.</summary>
    public void Start()
    {
        saved.Clear();
        recording = true;
    }

    /// <summary>Forgets what was saved and saves nothing more.</summary>
    public void Stop()
    {
        saved.Clear();
        recording = false;
    }

    public void Save(in T oldValue)
    {
        if (recording)
            saved.Push(oldValue);
    }

    /// <summary>The saved values newest first, each removed as it is taken; recording goes on.</summary>
    public bool TryTakeNewest(out T oldValue) => saved.TryPop(out oldValue);
}
