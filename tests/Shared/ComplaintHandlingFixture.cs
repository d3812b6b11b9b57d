// Compiled into the intake, case and advocacy-referral test projects only: the end-to-end project starts the same
// services within its own fixture.
[assembly: AssemblyFixture(typeof(IcsComplaints.ComplaintHandling.Tests.ComplaintHandlingSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
