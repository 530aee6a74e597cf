// The pager a long report goes through on a terminal, as git's: $PAGER, else `less -FRX` (which
// quits at once when the output fits on one screen, keeps colours and leaves the text on the
// screen), with LESS=FRX when LESS is not set.
#pragma once

#include <sys/types.h>

namespace bbg::cli {

class Pager {
 public:
  // Starts the pager reading what bbg writes to standard output, when standard output is a
  // terminal, TERM is not dumb and the pager is not empty or "cat". Returns whether one runs.
  bool start();
  // Ends the output and waits until the pager exits (the reader quit or read to the end).
  void finish();
  bool running() const { return m_pid > 0; }

 private:
  pid_t m_pid = -1;
};

}  // namespace bbg::cli
