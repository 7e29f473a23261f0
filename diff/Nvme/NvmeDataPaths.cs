namespace Swiotlb.Trace.Diff.Nvme;

/// <summary>
/// Which driver and controller each replayed model's commands go through. The controller is the capture's (SGL support is
/// a property of the hardware, declared, inferred or assumed per device); the driver is the capture kernel's under the
/// kernel's own addresses and under a model of the capture kernel's generation, else that of the model's kernels, whose
/// drivers (5.10–6.16) all map through the scatterlist.
/// </summary>
public sealed class NvmeDataPaths(NvmeDriverGeneration captureDriver, IReadOnlyList<bool> modelIsCaptureKernel, IReadOnlyDictionary<string, NvmeController> controllers)
{
    public static NvmeDataPaths PrpOnly(int models) => new(NvmeDriverGeneration.Scatterlist, [.. Enumerable.Repeat(false, models)], new Dictionary<string, NvmeController>());

    public NvmeDriverGeneration CaptureDriver => captureDriver;

    public IReadOnlyDictionary<string, NvmeController> Controllers => controllers;

    public NvmeController ControllerOf(string device) => controllers.GetValueOrDefault(device, NvmeController.AssumedPrpOnly);

    public NvmeDataPath ForModel(int model, string device) =>
        new(modelIsCaptureKernel[model] ? captureDriver : NvmeDriverGeneration.Scatterlist, ControllerOf(device));

    public NvmeDataPath ForObserved(string device) => new(captureDriver, ControllerOf(device));
}
