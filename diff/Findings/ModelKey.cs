namespace Swiotlb.Trace.Diff.Findings;

/// <summary>
/// Whose answers a result is: a replayed kernel generation (<c>linux-6.1</c>) or the kernel's own, observed in the
/// capture (<see cref="Observed"/>). Rows, findings and outcomes are keyed by it, never by a position or a bare name.
/// </summary>
public readonly record struct ModelKey
{
    private ModelKey(string name, bool isObserved)
    {
        Name = name;
        IsObserved = isObserved;
    }

    /// <summary>The generation's name, or <c>observed</c>: what every report prints.</summary>
    public string Name { get; }

    /// <summary>True for the kernel's own answers, false for a model's prediction.</summary>
    public bool IsObserved { get; }

    /// <summary>The kernel's own bounce addresses, from the capture.</summary>
    public static ModelKey Observed { get; } = new("observed", isObserved: true);

    /// <summary>A replayed generation, by its model name.</summary>
    public static ModelKey Of(string generation) => new(generation, isObserved: false);

    public override string ToString() => Name;
}
