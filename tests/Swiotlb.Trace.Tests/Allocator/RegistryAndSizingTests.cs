using Swiotlb.Trace.Replay.Allocator;

namespace Swiotlb.Trace.Tests.Allocator;

public class RegistryAndSizingTests
{
    [Theory]
    [InlineData("linux-5.10", "linux-5.10")]
    [InlineData("LINUX-6.9", "linux-6.9")]
    [InlineData("5.10.223", "linux-5.12")]
    [InlineData("5.10.34", "linux-5.10")]
    [InlineData("5.10.35", "linux-5.12")]
    [InlineData("5.10.0", "linux-5.10")]
    [InlineData("5.10.0-32-amd64", "linux-5.12")]
    [InlineData("5.10.0-8-amd64", "linux-5.12")]
    [InlineData("5.10.0-7-amd64", "linux-5.10")]
    [InlineData("5.11.18", "linux-5.10")]
    [InlineData("5.11.19", "linux-5.12")]
    [InlineData("5.4", "linux-5.10")]
    [InlineData("4.19.0-27-amd64", "linux-5.10")]
    [InlineData("5.19.17", "linux-5.12")]
    [InlineData("6.1.0-54-amd64", "linux-6.1")]
    [InlineData("6.2.16", "linux-6.1")]
    [InlineData("6.5.0", "linux-6.3")]
    [InlineData("6.8.12", "linux-6.3")]
    [InlineData("6.9", "linux-6.9")]
    [InlineData("6.12.117+deb13-amd64", "linux-6.9")]
    [InlineData("linux-6.12.117", "linux-6.9")]
    public void Release_strings_resolve_to_their_generation(string release, string model)
    {
        Assert.True(ModelRegistry.TryResolve(release, out KernelGeneration? generation));
        Assert.Equal(model, generation.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("linux-next")]
    [InlineData("six.one")]
    public void Unknown_names_are_refused_with_the_choices(string name)
    {
        Assert.False(ModelRegistry.TryResolve(name, out _));
        ArgumentException error = Assert.Throws<ArgumentException>(() => ModelRegistry.Create(name, new PoolGeometry(0, 128)));
        Assert.Contains("linux-6.1", error.Message);
    }

    [Theory]
    [InlineData(null, 32768)]
    [InlineData(1024, 1024)]
    [InlineData(1000, 1024)]
    [InlineData(1, 128)]
    [InlineData(3000, 3072)]
    public void Before_6_0_swiotlb_slots_align_to_a_segment(int? requested, int slots)
    {
        Assert.Equal((slots, 1), PoolSizing.BeforeAreas(requested));
    }

    [Theory]
    [InlineData(null, null, 2, 32768, 2)]
    [InlineData(1024, null, 2, 1024, 2)]
    [InlineData(3000, null, 3, 4096, 4)]
    [InlineData(100, 8, 2, 1024, 8)]
    [InlineData(1024, 0, 4, 1024, 1)]
    [InlineData(null, 3, 16, 32768, 4)]
    public void From_6_0_areas_round_to_a_power_of_two_and_slots_follow(int? requested, int? areas, int cpus, int slots, int expectedAreas)
    {
        Assert.Equal((slots, expectedAreas), PoolSizing.WithAreas(requested, areas, cpus));
    }

    [Fact]
    public void Models_before_6_0_see_the_pool_as_one_area()
    {
        var geometry = new PoolGeometry(ModelHarness.PoolStart, 1024, 2);
        Assert.Equal(1, ModelRegistry.Create("linux-5.12", geometry).Geometry.AreaCount);
        Assert.Equal(2, ModelRegistry.Create("linux-6.1", geometry).Geometry.AreaCount);
    }

    [Theory]
    [InlineData(0x801UL, 128, 1)]
    [InlineData(0UL, 100, 1)]
    [InlineData(0UL, 384, 3)]
    [InlineData(0UL, 128, 256)]
    public void Geometry_refuses_what_the_kernel_cannot_have(ulong start, int slots, int areas)
    {
        Assert.Throws<ArgumentException>(() => new PoolGeometry(start, slots, areas));
    }
}
