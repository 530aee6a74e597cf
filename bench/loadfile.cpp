// The yaml-cpp floor: a bare, single-thread YAML::LoadFile of every file, nothing else.
//   loadfile PATH...   (PATH: a file, or a folder whose *.yaml files are all loaded)
// Prints only the number of documents loaded. Built by bench/run.sh with
//   g++ -O2 -std=c++20 bench/loadfile.cpp -lyaml-cpp
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      std::vector<std::string> found;
      for (const auto& entry : fs::recursive_directory_iterator(argv[i])) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") found.push_back(entry.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::size_t loaded = 0;
  for (const auto& file : files) {
    try {
      const YAML::Node node = YAML::LoadFile(file);
      if (node) ++loaded;
    } catch (const YAML::Exception& e) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), e.what());
      return 1;
    }
  }
  std::printf("%zu\n", loaded);
  return 0;
}
