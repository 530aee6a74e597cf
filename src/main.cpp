#include "cli/run.hpp"

int main(int argc, char** argv) { return bbg::cli::run(argc, argv); }
