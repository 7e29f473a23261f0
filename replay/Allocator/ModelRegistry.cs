using System.Diagnostics.CodeAnalysis;
using Swiotlb.Trace.Replay.Allocator.Generations;

namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Model names and the kernel release strings that map to them.</summary>
/// <remarks>
/// A release is read as <c>major.minor.patch</c> followed by anything. Debian's 5.10 images call themselves
/// <c>5.10.0-N-amd64</c> whatever the upstream stable release: every bullseye ABI after the first few
/// (Debian 5.10.0-9 was already 5.10.70) carries the 5.10.35+ backport, so <c>5.10.0-N</c> with N &gt;= 8 selects
/// <c>linux-5.12</c>, and lower N the pre-patch <c>linux-5.10</c>. A plain <c>5.10.0</c> is upstream 5.10.0.
/// </remarks>
public static class ModelRegistry
{
    /// <summary>The first Debian bullseye ABI number taken to carry the min_align_mask backport.</summary>
    public const int FirstPatchedDebianBullseyeAbi = 8;

    /// <summary>The newest kernel series a model has been checked against (the 7.3.4 captures): a release beyond it
    /// names no model, rather than silently taking the newest.</summary>
    public const int NewestKnownMajor = 7;

    public static IReadOnlyList<KernelGeneration> Generations { get; } =
        [Linux510.Instance, Linux512.Instance, Linux61.Instance, Linux63.Instance, Linux69.Instance];

    public static IEnumerable<string> Names => Generations.Select(g => g.Name);

    /// <summary>A model of <paramref name="nameOrRelease"/> (a model name or a kernel release) on <paramref name="geometry"/>.</summary>
    public static IAllocatorModel Create(string nameOrRelease, PoolGeometry geometry) =>
        TryResolve(nameOrRelease, out KernelGeneration? generation)
            ? new SlotAllocatorModel(generation, geometry)
            : throw new ArgumentException(
                $"'{nameOrRelease}' is neither a model ({string.Join(", ", Names)}) nor a kernel release from 2.6 to {NewestKnownMajor}.x like 6.1.0-54-amd64");

    /// <summary>The generation a model name or kernel release names; a caller taking names from a user checks them first with <see cref="Refuse"/>.</summary>
    /// <param name="what">How the error names the value (<c>unknown model 'x'</c>, <c>--against 'x'</c>).</param>
    /// <exception cref="ArgumentException">It names none: the message lists the models.</exception>
    public static KernelGeneration Resolve(string nameOrRelease, string what) =>
        TryResolve(nameOrRelease, out KernelGeneration? generation) ? generation : throw new ArgumentException(Refusal(what));

    /// <summary>Why a name a user gave names no model (the message lists the models), or null when it names one.</summary>
    /// <param name="what">How the message names the value (<c>unknown model 'x'</c>, <c>--against 'x'</c>).</param>
    public static string? Refuse(string nameOrRelease, string what) => TryResolve(nameOrRelease, out _) ? null : Refusal(what);

    private static string Refusal(string what) =>
        $"{what}: expected one of {string.Join(", ", Names)} or a kernel release from 2.6 to {NewestKnownMajor}.x like 6.1.0-54-amd64";

    public static bool TryResolve(string nameOrRelease, [NotNullWhen(true)] out KernelGeneration? generation)
    {
        generation = Generations.FirstOrDefault(g => g.Name.Equals(nameOrRelease, StringComparison.OrdinalIgnoreCase));
        if (generation is not null)
            return true;
        string release = nameOrRelease.StartsWith("linux-", StringComparison.OrdinalIgnoreCase) ? nameOrRelease[6..] : nameOrRelease;
        if (!KernelRelease.TryParse(release, out KernelRelease parsed))
            return false;
        generation = ForRelease(parsed);
        return generation is not null;
    }

    /// <summary>Why a kernel release (not a model name) maps to its model, in the words a report prints; null for a model
    /// name or a release no model covers.</summary>
    public static string? WhyModelled(string nameOrRelease)
    {
        if (Generations.Any(g => g.Name.Equals(nameOrRelease, StringComparison.OrdinalIgnoreCase)))
            return null;
        string release = nameOrRelease.StartsWith("linux-", StringComparison.OrdinalIgnoreCase) ? nameOrRelease[6..] : nameOrRelease;
        if (!KernelRelease.TryParse(release, out KernelRelease parsed) || ForRelease(parsed) is not { } generation)
            return null;
        string series = (parsed.Major, parsed.Minor) switch
        {
            ( < 5, _) or (5, < 10) => "before the min_align_mask series of 5.10.35, 5.11.19 and 5.12 (offsets lost)",
            (5, 10) or (5, 11) => generation == Linux510.Instance ? "a 5.10/5.11 release without the min_align_mask backport" : "a 5.10/5.11 release with the min_align_mask backport",
            (5, _) => "5.12–5.19 (min_align_mask, one lock)",
            (6, <= 2) => "6.0–6.2 (areas, the unbounded search)",
            (6, <= 8) => "6.3–6.8 (the bounded search)",
            _ => "6.9 or later (alignment rules, pad slots)",
        };
        return $"kernel {release} is {series}";
    }

    private static KernelGeneration? ForRelease(KernelRelease release) => (release.Major, release.Minor) switch
    {
        ( < 2, _) or ( > NewestKnownMajor, _) => null,
        ( < 5, _) or (5, < 10) => Linux510.Instance,
        (5, 10) => IsPatched510(release) ? Linux512.Instance : Linux510.Instance,
        (5, 11) => release.Patch >= 19 ? Linux512.Instance : Linux510.Instance,
        (5, _) => Linux512.Instance,
        (6, <= 2) => Linux61.Instance,
        (6, <= 8) => Linux63.Instance,
        _ => Linux69.Instance,
    };

    private static bool IsPatched510(KernelRelease release) =>
        release.Patch >= 35 || (release.Patch == 0 && release.DebianAbi >= FirstPatchedDebianBullseyeAbi);
}
