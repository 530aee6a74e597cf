#include <doctest/doctest.h>

#include "model/plan.hpp"

using bbg::model::parse_status_word;
using bbg::model::Status;

TEST_SUITE("model::parse_status_word") {
  TEST_CASE("the file's words, the English and the Swedish labels, in any case and spelling of the underscore") {
    for (const char* word : {"in_progress", "in progress", "In Progress", "IN-PROGRESS", "inprogress", "pågår", "Pågår",
                             "PÅGÅR"}) {
      CHECK_MESSAGE(parse_status_word(word) == Status::in_progress, word);
    }
    CHECK(parse_status_word("klar") == Status::done);
    CHECK(parse_status_word("Done") == Status::done);
    CHECK(parse_status_word("FÖRSENAD") == Status::delayed);
    CHECK(parse_status_word("planerad") == Status::planned);
    CHECK(parse_status_word("avbruten") == Status::cancelled);
    CHECK(parse_status_word("canceled") == Status::cancelled);
  }

  TEST_CASE("anything else is no status") {
    for (const char* word : {"", "finished", "klart", "in", "progress", "pagar", "done!", "plan ned x"}) {
      CHECK_MESSAGE(!parse_status_word(word), word);
    }
  }

  TEST_CASE("the file itself is still read strictly") {
    CHECK(!bbg::model::parse_status("klar"));
    CHECK(!bbg::model::parse_status("in progress"));
    CHECK(bbg::model::parse_status("in_progress") == Status::in_progress);
  }
}
