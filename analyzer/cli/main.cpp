// opscope's entry point: everything lives in the CLI library so tests can drive it in-process.
#include <iostream>

#include "cli/Cli.h"

int main(int argc, char** argv) { return opscope::cli::run(argc, argv, std::cout, std::cerr); }
