// Package frameworks holds coding frameworks (codebooks): trees of factors
// and codes with definitions, colours and keyboard keys.
//
// A framework is plain data. The store copies it into a project when the
// project is created; from then on the project's copy is what coders use, so
// changing a built-in framework never changes an existing project.
//
// Factors are parents that group codes. In the built-in Keyes framework they
// are not codable themselves: agreement for a factor is the pooled agreement
// of its children.
package frameworks
