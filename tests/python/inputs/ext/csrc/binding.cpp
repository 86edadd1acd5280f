int binding() { return 0; }
