using System.Collections;
using OperationsModule.Core.Errors;
using OperationsModule.Core.Validation;
using Xunit;

namespace OperationsModule.Core.Tests.Validation
{
    /// <summary>IdValidator's last checks: stand-ins for piped objects that are not IDs, and ill-formed UTF-16.</summary>
    public sealed class PipedIdValidationTests
    {
        [Fact]
        public void A_lone_surrogate_is_refused_naming_the_parameter()
        {
            // Built at run time: theory data would carry a lone surrogate through UTF-8 and arrive as U+FFFD.
            char high = (char)0xD800, low = (char)0xDC00, otherHigh = (char)0xDBFF;
            foreach (var id in new[] { "task-" + high, low + "task", "ta" + otherHigh + otherHigh + "sk", low.ToString() + high })
            {
                var refusal = Assert.Throws<InputValidationException>(() => IdValidator.Validate("TaskId", id));

                Assert.Equal("TaskId", refusal.ParameterName);
                Assert.Contains("half of a UTF-16 surrogate pair", refusal.Message);
            }
        }

        [Fact]
        public void A_well_formed_pair_passes() => Assert.Equal("ok-\U0001F600", IdValidator.Validate("TaskId", "ok-\U0001F600"));

        [Fact]
        public void A_stand_in_is_refused_with_its_problem_but_the_same_text_typed_is_an_ID()
        {
            var standIn = PipedStandIns.Refused(new Hashtable(), "System.Collections.Hashtable", "a piped System.Collections.Hashtable is not an ID.");

            var refusal = Assert.Throws<InputValidationException>(() => IdValidator.Validate("TaskId", standIn));

            Assert.Equal("Cannot use the value given for -TaskId: a piped System.Collections.Hashtable is not an ID.", refusal.Message);
            Assert.Equal("System.Collections.Hashtable", IdValidator.Validate("TaskId", "System.Collections." + "Hashtable"));
        }

        [Fact]
        public void A_foreign_stand_in_keeps_its_object_and_owner()
        {
            var task = new object();
            var text = PipedStandIns.Foreign(task, "Task-task-1", "PowerCLI");

            Assert.True(PipedStandIns.TryGet(text, out var standIn));
            Assert.Same(task, standIn.Original);
            Assert.Equal("PowerCLI", standIn.Owner);
            Assert.False(PipedStandIns.TryGet("Task-task-1", out _));
        }

        [Fact]
        public void The_words_name_the_type_the_properties_looked_for_and_those_it_has()
        {
            var text = NotAnIdProblem.NoIdProperty("System.Management.Automation.PSCustomObject", new[] { "ExecutionId", "wid", "Id" }, new[] { "Name", "Reason" });

            Assert.Equal("a piped System.Management.Automation.PSCustomObject is not an ID (a string or a number) and has none of the properties ExecutionId, wid or Id; it has the properties Name, Reason. Nothing was sent for it.", text);
        }
    }
}
