using Xunit;

// Each class starts a whole platform; two at once would not fit the machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
