namespace Swiotlb.Trace.Replay.Validation;

/// <summary>The capture neither names its kernel nor holds the kernel's answers to infer its generation from, and no
/// model was named: a usage error (exit 2) that a caller replaying what it can may also catch.</summary>
public sealed class UnknownCaptureKernelException() : Exception("the capture does not say which kernel made it: name a model with --model");
