namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>Whether a rule judges single mappings or whole NVMe commands.</summary>
public enum FindingSubject
{
    Mapping,
    Command,
}

public static class FindingSubjects
{
    /// <summary>The units findings of this subject are counted in: mappings or commands.</summary>
    public static string Units(this FindingSubject subject) => subject == FindingSubject.Command ? "commands" : "mappings";
}

/// <summary>
/// One kind of finding: its name (the one <c>--fail-on</c> takes and every report shows), what it detects, how it is
/// counted, the aggregate figure by which <c>diff</c> compares it and the per-mapping or per-command transitions that
/// regress or repair it. Summaries, exit codes, diff transitions and every writer enumerate <see cref="FindingRules.All"/>;
/// a new kind is a new subclass of <see cref="MappingRule"/> or <see cref="CommandRule"/> entered there.
/// </summary>
public abstract class FindingRule
{
    /// <summary>The name <c>--fail-on</c> takes, lower case, one word.</summary>
    public abstract string Name { get; }

    /// <summary>What is found, as a plural noun phrase that follows a count: "mappings whose slot search never ends".</summary>
    public abstract string Detects { get; }

    public abstract FindingSubject Subject { get; }

    /// <summary>True for a rule about what the kernel's own bounce addresses did on the traced system; false for a
    /// prediction under each replayed model.</summary>
    public virtual bool JudgesObserved => false;

    /// <summary>The figure <c>diff</c> compares per device whose rise is a regression of this kind; none when the kind has
    /// no figure of its own.</summary>
    public abstract FindingFigure? Figure { get; }

    /// <summary>Where the rule stands in <see cref="FindingRules.All"/>: the order of every list of kinds.</summary>
    public int Index { get; internal set; }

    /// <summary>The heading of its findings' list in the verbose report, followed by "under MODEL: COUNT".</summary>
    public virtual string Heading => char.ToUpperInvariant(Name[0]) + Name[1..];

    /// <summary>The units its findings are counted in.</summary>
    public string Units => Subject.Units();

    /// <summary>"54 NVMe commands whose PRPs break".</summary>
    public string Describe(long count) => $"{count} {Detects}";

    /// <summary>True when the rule is judged on this row: a prediction on every model's row, the kernel's own on the
    /// row of its observed addresses.</summary>
    public virtual bool Checks(DeviceModelSummary row) => row.IsObserved == JudgesObserved;

    /// <summary>True when the rule looks at mappings or commands under these addresses (the model's or the kernel's);
    /// a rule may be looked at where it does not fail a run, as a figure.</summary>
    public virtual bool Evaluates(bool observedAddresses) => observedAddresses == JudgesObserved;

    public override string ToString() => Name;
}
