namespace Swiotlb.Trace.Replay.Allocator;

/// <summary>Parameters inferred from the capture's placements (see <c>Replay.Inference.PoolInference</c>), with the
/// evidence a report prints.</summary>
/// <param name="Explained">Predicted mappings the inferred geometry explains, of <paramref name="Predicted"/>, over the records scored.</param>
/// <param name="RunnerUp">The best other geometry tried and how many it explains, or null when none was tried.</param>
public sealed record InferredPool(ulong? Start, int? Slots, int? Areas, int Explained, int Predicted, string Evidence, string? RunnerUp);
